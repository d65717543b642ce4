package io.scenelog.edge.testing;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One part of a {@code multipart/form-data} body.
 *
 * @param name        the form field's name
 * @param filename    the file name of a file part, or null for a text field
 * @param contentType the part's content type, or null for a text field
 * @param bytes       the part's content
 */
public record Part(String name, String filename, String contentType, byte[] bytes) {

    /** Checks the name and content; a part always has both. */
    public Part {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bytes, "bytes");
    }

    /** A file field. */
    public static Part file(String name, String filename, String contentType, byte[] bytes) {
        return new Part(name, Objects.requireNonNull(filename, "filename"), contentType, bytes);
    }

    /** A text field, sent as UTF-8. */
    public static Part text(String name, String value) {
        return new Part(name, null, null, value.getBytes(StandardCharsets.UTF_8));
    }
}
