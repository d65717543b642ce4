package io.scenelog.schemas.compat;

import java.nio.file.Path;

/**
 * A file in the released-schemas folder cannot be used: it does not parse, cannot be read, or its
 * name does not match the full name of the schema it holds.
 */
public class InvalidReleasedSchemaException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception for {@code file}, with what is wrong with it. */
  public InvalidReleasedSchemaException(Path file, String problem, Throwable cause) {
    super("Released schema file " + file + " " + problem, cause);
  }
}
