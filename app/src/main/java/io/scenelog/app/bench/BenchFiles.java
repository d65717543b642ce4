package io.scenelog.app.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;

/** How every benchmark reports: its table, the result files asked for (--json, --markdown), and small statistics. */
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

    /**
     * Prints a benchmark's table after its progress lines and writes the result files asked for.
     *
     * @param json     the results as JSON-writable values (maps, lists, numbers, strings)
     * @param markdown the results as Markdown
     */
    public static void publish(PrintWriter out, String table, Optional<Path> jsonFile, Object json,
            Optional<Path> markdownFile, String markdown) {
        out.println();
        out.print(table);
        out.flush();
        jsonFile.ifPresent(file -> writeJson(file, json));
        markdownFile.ifPresent(file -> write(file, markdown));
    }

    /**
     * The median of some samples (the mean of the middle two for an even count).
     *
     * @throws IllegalArgumentException when there are none
     */
    public static double median(Collection<Double> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("A median needs at least one sample");
        }
        double[] sorted = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
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
