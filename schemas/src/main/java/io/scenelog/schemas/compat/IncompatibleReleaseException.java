package io.scenelog.schemas.compat;

/**
 * The release tool refused to release: the current schemas break the compatibility gate against
 * the last release. The message lists every issue.
 */
public class IncompatibleReleaseException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient CompatibilityResult result;

  /** Creates the exception from the gate's result. */
  public IncompatibleReleaseException(CompatibilityResult result) {
    super("Refusing to release schemas that are incompatible with the last release:\n"
        + result.describe());
    this.result = result;
  }

  /** The gate's result. */
  public CompatibilityResult result() {
    return result;
  }
}
