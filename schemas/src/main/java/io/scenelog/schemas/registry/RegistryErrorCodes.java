package io.scenelog.schemas.registry;

/**
 * The {@code error_code} values of Confluent Schema Registry error bodies ({@code
 * {"error_code":40403,"message":"Schema not found"}}) that Scenelog's client and server use. A code is
 * the HTTP status followed by two digits, except for 409 which Confluent sends bare.
 */
public final class RegistryErrorCodes {

  /** 404: the subject does not exist. */
  public static final int SUBJECT_NOT_FOUND = 40401;
  /** 404: the subject has no such version. */
  public static final int VERSION_NOT_FOUND = 40402;
  /** 404: no schema with this id, or the subject does not hold this schema. */
  public static final int SCHEMA_NOT_FOUND = 40403;
  /** 409: the schema is incompatible with the subject's earlier versions. */
  public static final int INCOMPATIBLE_SCHEMA = 409;
  /** 422: the schema does not parse. */
  public static final int INVALID_SCHEMA = 42201;
  /** 422: the version is neither a positive number nor "latest". */
  public static final int INVALID_VERSION = 42202;
  /** 422: the compatibility level is not one of the known levels. */
  public static final int INVALID_COMPATIBILITY_LEVEL = 42203;
  /** 500: the registry's backing store failed. */
  public static final int BACKEND_STORE_ERROR = 50001;
  /** 500: the registry's operation timed out. */
  public static final int OPERATION_TIMEOUT = 50002;

  private RegistryErrorCodes() {}
}
