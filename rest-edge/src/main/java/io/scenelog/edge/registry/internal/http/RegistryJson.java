package io.scenelog.edge.registry.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.scenelog.edge.registry.internal.MalformedRequestException;
import io.scenelog.edge.registry.internal.RequestTooLargeException;
import java.io.IOException;
import java.util.Locale;

/**
 * Reading request bodies and writing responses the way Confluent clients expect: bodies are JSON
 * whatever content type they declare (clients send {@code application/json},
 * {@code application/vnd.schemaregistry.v1+json} or {@code application/octet-stream}), responses
 * are {@code application/vnd.schemaregistry.v1+json}.
 */
final class RegistryJson {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    static final ObjectMapper MAPPER = new ObjectMapper();

    private RegistryJson() {
    }

    /** The request body as a JSON object. */
    static JsonNode objectBody(Context ctx) {
        byte[] bytes;
        try {
            bytes = ctx.bodyAsBytes();
        } catch (HttpResponseException e) {
            if (e.getStatus() == HttpStatus.CONTENT_TOO_LARGE.getCode()) {
                throw new RequestTooLargeException(e);
            }
            throw e;
        }
        if (bytes.length == 0) {
            throw MalformedRequestException.wrongShape("the request has no body; expected a JSON object.");
        }
        JsonNode body;
        try {
            body = MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw MalformedRequestException.notJson(e);
        } catch (IOException e) {
            throw new IllegalStateException("Reading an in-memory request body failed", e);
        }
        if (body == null || !body.isObject()) {
            throw MalformedRequestException.wrongShape("expected a JSON object.");
        }
        return body;
    }

    /** An optional string field of a request body; null when absent or JSON null. */
    static String optionalText(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw MalformedRequestException.wrongShape("field '" + field + "' must be a string.");
        }
        return value.asText();
    }

    /** A boolean query parameter; absent or anything but {@code true} is false. */
    static boolean flag(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value != null && value.trim().toLowerCase(Locale.ROOT).equals("true");
    }

    /** A fresh JSON object for a response. */
    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Writes a JSON response with the registry's content type. */
    static void respond(Context ctx, HttpStatus status, Object body) {
        try {
            ctx.status(status).contentType(CONTENT_TYPE).result(MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a registry response as JSON", e);
        }
    }

    /** Writes a 200 JSON response. */
    static void ok(Context ctx, Object body) {
        respond(ctx, HttpStatus.OK, body);
    }
}
