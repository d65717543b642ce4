package io.scenelog.edge.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An HTTP response that {@link ApiClient} has already checked against the OpenAPI document, so a test only asserts
 * what is specific to it.
 *
 * @param status  the HTTP status
 * @param headers the response headers; lookups ignore the case of names
 * @param body    the body's bytes, empty when there is none
 */
public record ApiResponse(int status, Map<String, List<String>> headers, byte[] body) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SHOWN_BODY_CHARS = 2000;

    /** Keeps the headers in a case-insensitive, read-only map: HTTP header names are case-insensitive. */
    public ApiResponse {
        Map<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> byName.put(name, List.copyOf(values)));
        headers = Collections.unmodifiableMap(byName);
        body = body == null ? new byte[0] : body;
    }

    /**
     * The body as a JSON tree.
     *
     * @throws AssertionError when the body is not JSON, showing the status and the body
     */
    public JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("The response body is not JSON: " + this, e);
        }
    }

    /** The body as UTF-8 text. */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The first value of a header, or null when the response has none; the name's case does not matter. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Status, headers and the start of the body, for assertion messages. */
    @Override
    public String toString() {
        String text = text();
        String shown = text.length() > SHOWN_BODY_CHARS ? text.substring(0, SHOWN_BODY_CHARS) + "..." : text;
        return status + " " + headers + " " + shown;
    }
}
