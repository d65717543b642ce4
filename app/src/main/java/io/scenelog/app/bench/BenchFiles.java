package io.scenelog.app.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where every benchmark writes its results when asked (--json, --markdown): the file's directories are created. */
public final class BenchFiles {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BenchFiles() {
    }

    /** Writes text to a file, creating its directories. */
    public static void write(Path file, String text) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the benchmark's results to " + file, e);
        }
    }

    /** Writes a value (maps, lists, numbers, strings) as indented JSON. */
    public static void writeJson(Path file, Object value) {
        try {
            write(file, JSON.writeValueAsString(value) + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The benchmark's results are not JSON-writable: " + e.getMessage(), e);
        }
    }
}
