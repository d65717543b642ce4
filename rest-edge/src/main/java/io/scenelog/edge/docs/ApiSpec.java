package io.scenelog.edge.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The REST API's OpenAPI document as the schemas module ships it. The server answers {@code GET /openapi.yaml}
 * with exactly this text and renders {@code GET /docs} from it, and the integration tests validate every call
 * against it, so there is one copy of the contract and it is the one on the classpath.
 */
public final class ApiSpec {

    /** Where the document lives on the classpath (in the {@code scenelog-schemas} jar). */
    public static final String RESOURCE = "/io/scenelog/schemas/openapi/scenelog-api.yaml";

    /** The media type {@code GET /openapi.yaml} answers with. */
    public static final String MEDIA_TYPE = "application/yaml";

    private ApiSpec() {
    }

    /**
     * The document's text, read once and cached for the life of the JVM (the resource never changes at runtime).
     *
     * @throws IllegalStateException when the resource is missing: the schemas jar is not on the classpath
     */
    public static String specYaml() {
        return Holder.YAML;
    }

    private static String read() {
        try (InputStream in = ApiSpec.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The OpenAPI document " + RESOURCE
                        + " is not on the classpath; it ships in the scenelog-schemas jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the OpenAPI document " + RESOURCE, e);
        }
    }

    /** Lazy holder: the first call reads the resource, later calls share the text without locking. */
    private static final class Holder {
        static final String YAML = read();
    }
}
