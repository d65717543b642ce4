package io.scenelog.app.cli;

import java.net.URI;
import java.net.URISyntaxException;

/** Validates the {@code --registry-url} option once, so a typo fails before any client starts. */
public final class RegistryUrl {

    private RegistryUrl() {
    }

    /**
     * @param value the option's text, e.g. {@code http://127.0.0.1:8080}
     * @return the URL without a trailing slash
     * @throws IllegalArgumentException naming the option and the fix
     */
    public static URI parse(String value) {
        String text = value == null ? "" : value.trim().replaceAll("/+$", "");
        try {
            URI uri = new URI(text);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException("--registry-url '" + value + "' is not an http(s) URL: "
                        + "write e.g. http://127.0.0.1:8080");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--registry-url '" + value + "' is not a URL (" + e.getReason()
                    + "): write e.g. http://127.0.0.1:8080", e);
        }
    }
}
