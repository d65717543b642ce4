package io.scenelog.schemas.registry;

/**
 * A schema registry answered with an error, or could not be asked at all. Carries the Confluent
 * {@code error_code}, the HTTP status ({@link #NO_RESPONSE} when there was no answer) and the
 * registry's location, so that callers can decide on the condition rather than on the text.
 */
public class SchemaRegistryException extends RuntimeException {

  /** The HTTP status of a failure that got no HTTP response (connection refused, timeout). */
  public static final int NO_RESPONSE = 0;

  private static final long serialVersionUID = 1L;

  private final int errorCode;
  private final int httpStatus;
  private final String registry;

  /**
   * Creates an exception for an error the registry reported.
   *
   * @param message what was asked and what the registry said
   * @param errorCode the Confluent error code (see {@link RegistryErrorCodes})
   * @param httpStatus the HTTP status, or {@link #NO_RESPONSE}
   * @param registry the registry's location
   * @param cause the underlying failure, or null
   */
  public SchemaRegistryException(
      String message, int errorCode, int httpStatus, String registry, Throwable cause) {
    super(message, cause);
    this.errorCode = errorCode;
    this.httpStatus = httpStatus;
    this.registry = registry;
  }

  /** The Confluent {@code error_code} (see {@link RegistryErrorCodes}). */
  public int errorCode() {
    return errorCode;
  }

  /** The HTTP status of the answer, or {@link #NO_RESPONSE}. */
  public int httpStatus() {
    return httpStatus;
  }

  /** The location of the registry that failed (its base URL or in-process name). */
  public String registry() {
    return registry;
  }

  /**
   * Whether the same request may succeed later: true for server-side errors (5xx), timeouts and
   * unreachable registries; false for answers about the request itself (4xx).
   */
  public boolean isRetriable() {
    return httpStatus >= 500 || httpStatus == 408 || httpStatus == 429;
  }
}
