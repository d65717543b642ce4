package io.scenelog.schemas.registry;

/**
 * The registry could not be asked: the connection failed, or no answer came within the timeout.
 * Always retriable; the message names the URL.
 */
public class SchemaRegistryUnavailableException extends SchemaRegistryException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception; {@code cause} is the I/O failure. */
  public SchemaRegistryUnavailableException(String message, String registry, Throwable cause) {
    super(message, NO_RESPONSE, NO_RESPONSE, registry, cause);
  }

  @Override
  public boolean isRetriable() {
    return true;
  }
}
