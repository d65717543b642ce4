package io.scenelog.edge.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.scenelog.edge.json.StrictJson;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * Reading request bodies and writing responses as JSON. Bodies are read with a byte cap of their own (the server's
 * global cap is larger, for schema registry requests and uploads), and parse errors become MALFORMED_JSON.
 */
public final class ApiJson {

    /** The content type of every JSON response. */
    public static final String CONTENT_TYPE = "application/json";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ApiJson() {
    }

    /** The shared mapper for responses (thread-safe); request bodies are read with {@link StrictJson#reader()}. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A new empty object node. */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /**
     * The request body as a JSON tree.
     *
     * @param maxBytes the largest body accepted
     * @throws ApiException UNSUPPORTED_MEDIA_TYPE unless the content type is JSON, PAYLOAD_TOO_LARGE over the cap,
     *     MALFORMED_JSON when it does not parse, VALIDATION_FAILED when it is empty
     */
    public static JsonNode body(Context ctx, long maxBytes) {
        String contentType = ctx.contentType();
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith(CONTENT_TYPE)) {
            throw ApiException.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "Send the body as application/json (got " + (contentType == null ? "no content type"
                            : "'" + contentType + "'") + ")");
        }
        byte[] bytes = readCapped(ctx, maxBytes);
        if (bytes.length == 0) {
            throw ApiException.invalidField("body", "The request needs a JSON body");
        }
        try {
            return StrictJson.reader().readTree(bytes);
        } catch (IOException e) {
            throw new ApiException(ErrorCode.MALFORMED_JSON, "The body is not valid JSON: "
                    + firstLine(e.getMessage()), Map.of());
        }
    }

    /**
     * The body of a request whose body is optional: an empty object when the client sent none (no content type and
     * no bytes, e.g. {@code curl -X POST} without {@code -d}), else as {@link #body}.
     */
    public static JsonNode optionalBody(Context ctx, long maxBytes) {
        if (ctx.contentType() == null && ctx.contentLength() <= 0) {
            return object();
        }
        return body(ctx, maxBytes);
    }

    /** Writes a JSON response with a status. */
    public static void write(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType(CONTENT_TYPE).result(MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a response body as JSON", e);
        }
    }

    private static byte[] readCapped(Context ctx, long maxBytes) {
        long declared = ctx.contentLength();
        if (declared > maxBytes) {
            throw tooLarge(maxBytes);
        }
        try (InputStream in = ctx.bodyInputStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw tooLarge(maxBytes);
            }
            return bytes;
        } catch (IOException e) {
            throw ApiException.invalidField("body", "The request body could not be read: " + e.getMessage());
        }
    }

    private static ApiException tooLarge(long maxBytes) {
        return new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "A JSON body may have at most " + maxBytes + " bytes",
                Map.of("limitBytes", maxBytes));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
