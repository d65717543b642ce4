package io.scenelog.schemas.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaFormatter;
import org.apache.avro.SchemaParseException;

/**
 * The released-schemas folder ({@code schemas/src/released/avro}): one self-contained {@code
 * .avsc} per top-level schema, named by full name ({@code io.scenelog.model.SceneAction.avsc}).
 */
public final class ReleasedSchemas {

  /** The extension of released schema files. */
  public static final String EXTENSION = ".avsc";

  private ReleasedSchemas() {}

  /**
   * Reads every released schema in {@code folder} by full name; an absent folder holds none.
   *
   * @throws InvalidReleasedSchemaException when a file does not parse or is misnamed
   */
  public static Map<String, Schema> load(Path folder) {
    Map<String, Schema> released = new TreeMap<>();
    if (!Files.isDirectory(folder)) {
      return released;
    }
    for (Path file : files(folder)) {
      Schema schema = parse(file);
      String expected = schema.getFullName() + EXTENSION;
      if (!file.getFileName().toString().equals(expected)) {
        throw new InvalidReleasedSchemaException(
            file, "holds " + schema.getFullName() + " and should be named " + expected, null);
      }
      released.put(schema.getFullName(), schema);
    }
    return Collections.unmodifiableMap(released);
  }

  /**
   * Writes each schema to {@code folder} as {@code <full name>.avsc}, pretty-printed, replacing
   * what was there for that name; files of other names are left alone.
   *
   * @return the files written, sorted
   */
  public static List<Path> write(Path folder, Map<String, Schema> schemas) {
    List<Path> written = new ArrayList<>();
    try {
      Files.createDirectories(folder);
      for (Schema schema : new TreeMap<>(schemas).values()) {
        Path file = folder.resolve(schema.getFullName() + EXTENSION);
        Files.writeString(
            file, SchemaFormatter.format("json/pretty", schema) + "\n", StandardCharsets.UTF_8);
        written.add(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write released schemas to " + folder, e);
    }
    return written;
  }

  private static List<Path> files(Path folder) {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries
          .filter(p -> p.getFileName().toString().endsWith(EXTENSION))
          .sorted()
          .collect(java.util.stream.Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list released schemas in " + folder, e);
    }
  }

  private static Schema parse(Path file) {
    try {
      // A fresh parser per file: each released file is self-contained and defines its own types.
      return new Schema.Parser().parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new InvalidReleasedSchemaException(file, "cannot be read", e);
    } catch (SchemaParseException e) {
      throw new InvalidReleasedSchemaException(file, "does not parse: " + e.getMessage(), e);
    }
  }
}
