package io.scenelog.edge.testing;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport.Message;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The HTTP client of the REST API's tests. Every request is checked against the OpenAPI document before it is sent
 * and every response after it arrives; a mismatch fails the test with an {@link AssertionError} that shows the
 * validation report, the method, the path, the status and the body. Because every REST test goes through it, the
 * server cannot drift from its contract unnoticed.
 *
 * <p>What counts as a mismatch: a path, method or query parameter the document does not have; a body, parameter,
 * status, content type or required header it does not allow; in JSON bodies, any property it does not list (the
 * validator treats schemas as closed unless they say {@code additionalProperties: true}). Requests without or with
 * bad credentials are allowed, since tests of 401 send them on purpose. The Confluent schema registry's routes
 * ({@code /subjects}, {@code /schemas}, {@code /config}, {@code /compatibility}) are not part of the document
 * and pass unchecked.
 *
 * <p>Instances are immutable; {@code with...} methods return a changed copy.
 */
public final class ApiClient {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final List<String> REGISTRY_ROUTES = List.of("/subjects", "/schemas", "/config", "/compatibility");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JSON_TYPE = "application/json";
    private static final String CONTENT_TYPE = "Content-Type";
    private static final int SHOWN_BODY_CHARS = 4000;

    private final URI base;
    private final Map<String, String> headers;
    private final boolean checkRequests;

    private ApiClient(URI base, Map<String, String> headers, boolean checkRequests) {
        this.base = base;
        this.headers = Map.copyOf(headers);
        this.checkRequests = checkRequests;
    }

    /** A client of the server at {@code base} (for example {@code http://127.0.0.1:43121/}), without credentials. */
    public static ApiClient of(URI base) {
        return new ApiClient(Objects.requireNonNull(base, "base"), Map.of(), true);
    }

    /** The same client sending {@code Authorization: Bearer <token>}. */
    public ApiClient withBearer(String token) {
        return header("Authorization", "Bearer " + token);
    }

    /** The same client sending {@code X-Api-Key: <key>}. */
    public ApiClient withApiKey(String key) {
        return header("X-Api-Key", key);
    }

    /** The same client sending one more header (or another value for a header it already sends). */
    public ApiClient header(String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(headers);
        changed.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
        changed.put(name, value);
        return new ApiClient(base, changed, checkRequests);
    }

    /**
     * The same client without the request check, for deliberately malformed requests (broken JSON, unknown
     * fields, undocumented routes). Responses are still checked; one to a route or method the document does not
     * have must be a 4xx with the shared error body.
     */
    public ApiClient withoutValidation() {
        return new ApiClient(base, headers, false);
    }

    /** {@code GET}; the argument may carry a query string. */
    public ApiResponse get(String pathAndQuery) {
        return send("GET", pathAndQuery, null, null, Optional.empty());
    }

    /** {@code DELETE}; the argument may carry a query string. */
    public ApiResponse delete(String pathAndQuery) {
        return send("DELETE", pathAndQuery, null, null, Optional.empty());
    }

    /** {@code POST} with a JSON body, or with none when {@code json} is null. */
    public ApiResponse post(String path, String json) {
        return send("POST", path, json == null ? null : JSON_TYPE, utf8(json), Optional.empty());
    }

    /** {@code PUT} with a JSON body, or with none when {@code json} is null. */
    public ApiResponse put(String path, String json) {
        return send("PUT", path, json == null ? null : JSON_TYPE, utf8(json), Optional.empty());
    }

    /** {@code PATCH} with a JSON body, or with none when {@code json} is null. */
    public ApiResponse patch(String path, String json) {
        return send("PATCH", path, json == null ? null : JSON_TYPE, utf8(json), Optional.empty());
    }

    /** {@code POST} with a body of any content type, sent as given. */
    public ApiResponse postBytes(String path, String contentType, byte[] body) {
        return send("POST", path, contentType, body, Optional.empty());
    }

    /** {@code POST} of a {@code multipart/form-data} body made of these parts, in this order. */
    public ApiResponse postMultipart(String path, List<Part> parts) {
        String boundary = "scenelog-" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        ObjectNode fields = JSON.createObjectNode();
        for (Part part : parts) {
            StringBuilder head = new StringBuilder("--").append(boundary).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"").append(quoted(part.name())).append('"');
            if (part.filename() != null) {
                head.append("; filename=\"").append(quoted(part.filename())).append('"');
            }
            head.append("\r\n");
            if (part.contentType() != null) {
                head.append("Content-Type: ").append(part.contentType()).append("\r\n");
            }
            head.append("\r\n");
            body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
            body.writeBytes(part.bytes());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
            fields.put(part.name(), part.filename() == null ? new String(part.bytes(), StandardCharsets.UTF_8)
                    : "(" + part.bytes().length + " bytes of " + part.filename() + ")");
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send("POST", path, "multipart/form-data; boundary=" + boundary, body.toByteArray(),
                Optional.of(fields));
    }

    private ApiResponse send(String method, String pathAndQuery, String defaultType, byte[] body,
            Optional<ObjectNode> multipartFields) {
        String path = pathOf(pathAndQuery);
        // A Content-Type set with header(...) wins: tests of 415 send a wrong one on purpose.
        String contentType = headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(CONTENT_TYPE))
                .map(Map.Entry::getValue).findFirst().orElse(defaultType);
        boolean checked = REGISTRY_ROUTES.stream().noneMatch(r -> path.equals(r) || path.startsWith(r + "/"));
        if (checked && checkRequests) {
            List<Message> errors = SpecValidator.shared()
                    .checkRequest(validatorRequest(method, pathAndQuery, contentType, body), multipartFields);
            if (!errors.isEmpty()) {
                throw new AssertionError("The request " + method + " " + pathAndQuery
                        + " does not match the OpenAPI document; it was not sent.\n" + SpecValidator.format(errors)
                        + "Request body: " + shown(body));
            }
        }
        ApiResponse response = exchange(method, pathAndQuery, contentType, body);
        if (checked) {
            List<Message> errors = SpecValidator.shared().checkResponse(Request.Method.valueOf(method), path,
                    validatorResponse(response), response.text());
            if (!errors.isEmpty()) {
                throw new AssertionError("The response to " + method + " " + pathAndQuery + " (status "
                        + response.status() + ") does not match the OpenAPI document.\n"
                        + SpecValidator.format(errors) + "Response headers: " + response.headers()
                        + "\nResponse body: " + shown(response.body()));
            }
        }
        return response;
    }

    private ApiResponse exchange(String method, String pathAndQuery, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(resolve(pathAndQuery)).timeout(REQUEST_TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((name, value) -> {
            if (!name.equalsIgnoreCase(CONTENT_TYPE)) {
                request.header(name, value);
            }
        });
        if (contentType != null) {
            request.header(CONTENT_TYPE, contentType);
        }
        try {
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new ApiResponse(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new AssertionError("Could not " + method + " " + resolve(pathAndQuery) + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted during " + method + " " + pathAndQuery, e);
        }
    }

    private URI resolve(String pathAndQuery) {
        String root = base.toString().endsWith("/") ? base.toString().substring(0, base.toString().length() - 1)
                : base.toString();
        return URI.create(root + pathAndQuery);
    }

    private SimpleRequest validatorRequest(String method, String pathAndQuery, String contentType, byte[] body) {
        SimpleRequest.Builder request = new SimpleRequest.Builder(method, pathOf(pathAndQuery));
        headers.forEach((name, value) -> {
            if (!name.equalsIgnoreCase(CONTENT_TYPE)) {
                request.withHeader(name, value);
            }
        });
        if (contentType != null) {
            request.withContentType(contentType);
        }
        if (body != null) {
            request.withBody(body);
        }
        queryOf(pathAndQuery).forEach(request::withQueryParam);
        return request.build();
    }

    private static SimpleResponse validatorResponse(ApiResponse response) {
        SimpleResponse.Builder builder = new SimpleResponse.Builder(response.status());
        response.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(CONTENT_TYPE)) {
                builder.withHeader(name, values);
            }
        });
        if (response.header(CONTENT_TYPE) != null) {
            builder.withContentType(response.header(CONTENT_TYPE));
        }
        if (response.body().length > 0) {
            builder.withBody(response.body());
        }
        return builder.build();
    }

    private static String pathOf(String pathAndQuery) {
        if (!pathAndQuery.startsWith("/")) {
            throw new IllegalArgumentException("A path starts with '/', got '" + pathAndQuery + "'");
        }
        int query = pathAndQuery.indexOf('?');
        return query < 0 ? pathAndQuery : pathAndQuery.substring(0, query);
    }

    private static Map<String, List<String>> queryOf(String pathAndQuery) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        int start = pathAndQuery.indexOf('?');
        if (start < 0) {
            return params;
        }
        for (String pair : pathAndQuery.substring(start + 1).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return params;
    }

    /** Quotes a form-data name or filename as browsers do (WHATWG): CR, LF and '"' percent-encoded. */
    private static String quoted(String value) {
        return value.replace("\r", "%0D").replace("\n", "%0A").replace("\"", "%22");
    }

    private static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    private static String shown(byte[] body) {
        if (body == null || body.length == 0) {
            return "(none)";
        }
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() > SHOWN_BODY_CHARS ? text.substring(0, SHOWN_BODY_CHARS) + "..." : text;
    }
}
