package io.scenelog.nodecache.internal;

import io.scenelog.nodecache.UpstreamRejectedException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The platform's REST edge, asked with the node's own bearer token. Answers that may pass later become {@link
 * UpstreamFailure}; other refusals {@link UpstreamRejectedException}.
 */
public final class Upstream {

    private static final int MAX_ERROR_BODY = 300;

    private final URI base;
    private final Supplier<String> credentials;
    private final Duration requestTimeout;
    private final HttpClient client;

    public Upstream(URI base, Supplier<String> credentials, Duration connectTimeout, Duration requestTimeout) {
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.credentials = credentials;
        this.requestTimeout = requestTimeout;
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The address of a path, for messages. */
    public URI resolve(String pathAndQuery) {
        return URI.create(base + pathAndQuery);
    }

    /**
     * GETs a path; the caller reads and closes the body of the 200 answer it gets.
     *
     * @throws UpstreamFailure when the request failed in a way that may pass later
     * @throws UpstreamRejectedException when the platform refused it otherwise
     */
    public InputStream get(String pathAndQuery) throws IOException {
        URI uri = resolve(pathAndQuery);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(requestTimeout)
                .header("Authorization", "Bearer " + credentials.get()).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new UpstreamFailure("GET " + uri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("Interrupted while asking " + uri);
        }
        int status = response.statusCode();
        if (status == 200) {
            return response.body();
        }
        String body = errorBody(response.body());
        if (status >= 500 || status == 429 || status == 408) {
            throw new UpstreamFailure("GET " + uri + " answered " + status + ": " + body, null);
        }
        throw new UpstreamRejectedException("GET " + uri + " answered " + status + ": " + body, status);
    }

    private static String errorBody(InputStream body) {
        try (InputStream in = body) {
            String text = new String(in.readNBytes(MAX_ERROR_BODY), StandardCharsets.UTF_8);
            return text.isBlank() ? "(no body)" : text.strip();
        } catch (IOException e) {
            return "(unreadable body: " + e.getMessage() + ")";
        }
    }
}
