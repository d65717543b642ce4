package io.scenelog.schemas.registry;

import io.scenelog.schemas.registry.internal.ConfluentJson;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * A client of a Confluent-compatible Schema Registry REST API (Scenelog's own in rest-edge, or
 * Confluent's), over {@link java.net.http.HttpClient} and Jackson. It caches nothing: wrap it in a
 * {@link CachingSchemaRegistryClient}.
 *
 * <p>Error bodies ({@code {"error_code":40403,"message":"..."}}) become the typed subclasses of
 * {@link SchemaRegistryException}; a refused connection or a timeout becomes a retriable {@link
 * SchemaRegistryUnavailableException} naming the URL.
 */
public final class HttpSchemaRegistryClient implements SchemaRegistryClient {

  /** The request timeout when none is given. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  /** The media type of the registry API, version 1. */
  public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

  private static final String ACCEPT =
      CONTENT_TYPE + ", application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";

  private final String baseUrl;
  private final Duration timeout;
  private final HttpClient http;
  private final ConfluentJson json;

  /** Creates a client of the registry at {@code baseUrl} with the {@link #DEFAULT_TIMEOUT}. */
  public HttpSchemaRegistryClient(URI baseUrl) {
    this(baseUrl, DEFAULT_TIMEOUT);
  }

  /**
   * Creates a client of the registry at {@code baseUrl} (e.g. {@code http://localhost:8081} or
   * {@code http://edge:8080/registry}); {@code timeout} bounds connecting and each request.
   */
  public HttpSchemaRegistryClient(URI baseUrl, Duration timeout) {
    Objects.requireNonNull(baseUrl, "baseUrl");
    String scheme = baseUrl.getScheme();
    if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
      throw new IllegalArgumentException(
          "Schema registry URL " + baseUrl + " is not an http(s) URL");
    }
    String text = baseUrl.toString();
    this.baseUrl = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    // HTTP/1.1: the registry API gains nothing from HTTP/2, and h2c upgrades confuse some proxies.
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .build();
    this.json = new ConfluentJson(this.baseUrl);
  }

  @Override
  public int register(String subject, Schema schema) {
    String path = "/subjects/" + encode(subject) + "/versions";
    return json.id("POST " + path, post(path, json.schemaRequest(schema)));
  }

  @Override
  public int idOf(String subject, Schema schema) {
    String path = "/subjects/" + encode(subject);
    return json.registeredSchema("POST " + path, post(path, json.schemaRequest(schema))).id();
  }

  @Override
  public Schema schemaById(int id) {
    String path = "/schemas/ids/" + id;
    return json.schema("GET " + path, get(path));
  }

  @Override
  public Optional<RegisteredSchema> latest(String subject) {
    String path = "/subjects/" + encode(subject) + "/versions/latest";
    try {
      return Optional.of(json.registeredSchema("GET " + path, get(path)));
    } catch (SubjectNotFoundException e) {
      return Optional.empty();
    } catch (SchemaRegistryException e) {
      if (e.errorCode() == RegistryErrorCodes.VERSION_NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public String location() {
    return baseUrl;
  }

  @Override
  public String toString() {
    return "HttpSchemaRegistryClient[" + baseUrl + "]";
  }

  private String get(String path) {
    return send("GET " + path, request(path).GET().build());
  }

  private String post(String path, String body) {
    HttpRequest request =
        request(path)
            .header("Content-Type", CONTENT_TYPE)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
    return send("POST " + path, request);
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(timeout)
        .header("Accept", ACCEPT);
  }

  private String send(String description, HttpRequest request) {
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpTimeoutException e) {
      throw new SchemaRegistryUnavailableException(
          "Schema registry at " + baseUrl + " did not answer " + description + " within "
              + timeout.toMillis() + " ms",
          baseUrl,
          e);
    } catch (ConnectException e) {
      throw new SchemaRegistryUnavailableException(
          "Schema registry at " + baseUrl + " is unreachable (" + e + ") for " + description,
          baseUrl,
          e);
    } catch (IOException e) {
      throw new SchemaRegistryUnavailableException(
          "Schema registry at " + baseUrl + " failed to answer " + description + ": " + e,
          baseUrl,
          e);
    } catch (InterruptedException e) {
      // Keep the interrupt visible to the caller's loop; the request's outcome is unknown.
      Thread.currentThread().interrupt();
      throw new SchemaRegistryException(
          "Interrupted while asking the schema registry at " + baseUrl + " " + description,
          SchemaRegistryException.NO_RESPONSE,
          SchemaRegistryException.NO_RESPONSE,
          baseUrl,
          e);
    }
    int status = response.statusCode();
    if (status / 100 != 2) {
      throw json.error(description, status, response.body());
    }
    return response.body();
  }

  private static String encode(String subject) {
    Objects.requireNonNull(subject, "subject");
    // URLEncoder encodes for forms: a space becomes '+', which is literal in a path segment.
    return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
