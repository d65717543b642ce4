package io.scenelog.bridge.viewer;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Where the viewer page finds the platform: the REST API it calls cross-origin (the edge) and the bridge's Livelink
 * WebSocket. The page reads both from {@code GET /viewer/config.json}; the page's Content-Security-Policy allows
 * connections to exactly these origins besides its own.
 *
 * @param restBaseUrl the edge's base URL, http or https, e.g. {@code http://127.0.0.1:8080}
 * @param livelinkUrl the Livelink WebSocket URL of this bridge, ws or wss, e.g. {@code ws://127.0.0.1:8082/livelink};
 *                    the page connects there (not to the REST join answer's URL, which may name another bridge)
 */
public record ViewerSettings(URI restBaseUrl, URI livelinkUrl) {

    public ViewerSettings {
        restBaseUrl = checked("viewer.restBaseUrl", restBaseUrl, Set.of("http", "https"),
                "the edge's base URL, e.g. http://127.0.0.1:8080");
        livelinkUrl = checked("viewer.livelinkUrl", livelinkUrl, Set.of("ws", "wss"),
                "the bridge's Livelink WebSocket URL, e.g. ws://127.0.0.1:8082/livelink");
    }

    /**
     * Parses both URLs.
     *
     * @throws InvalidViewerSettingsException naming the setting that is not a valid URL
     */
    public static ViewerSettings of(String restBaseUrl, String livelinkUrl) {
        return new ViewerSettings(parse("viewer.restBaseUrl", restBaseUrl), parse("viewer.livelinkUrl", livelinkUrl));
    }

    /** The origin ({@code scheme://host[:port]}) of the REST API, for the page's connect-src. */
    public String restOrigin() {
        return originOf(restBaseUrl);
    }

    /** The origin of the Livelink WebSocket, for the page's connect-src. */
    public String livelinkOrigin() {
        return originOf(livelinkUrl);
    }

    private static URI parse(String key, String value) {
        Objects.requireNonNull(value, key);
        try {
            return new URI(value.trim());
        } catch (URISyntaxException e) {
            throw new InvalidViewerSettingsException(key + " is not a URL: '" + value + "' (" + e.getReason() + ")");
        }
    }

    private static URI checked(String key, URI url, Set<String> schemes, String example) {
        if (url == null) {
            throw new InvalidViewerSettingsException(key + " is missing: set " + example);
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!schemes.contains(scheme) || url.getHost() == null) {
            throw new InvalidViewerSettingsException(key + " must be an absolute " + String.join(" or ",
                    schemes.stream().sorted().toList()) + " URL with a host, not '" + url + "': set " + example);
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null || url.getRawUserInfo() != null) {
            throw new InvalidViewerSettingsException(key + " must not carry user info, a query or a fragment: '"
                    + url + "'");
        }
        return url;
    }

    private static String originOf(URI url) {
        String host = url.getHost().contains(":") && !url.getHost().startsWith("[") ? "[" + url.getHost() + "]"
                : url.getHost();
        return url.getScheme().toLowerCase(Locale.ROOT) + "://" + host.toLowerCase(Locale.ROOT)
                + (url.getPort() == -1 ? "" : ":" + url.getPort());
    }
}
