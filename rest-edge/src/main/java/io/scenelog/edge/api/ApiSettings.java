package io.scenelog.edge.api;

import io.scenelog.edge.InvalidEdgeSettingsException;
import io.scenelog.edge.assets.AssetLimits;
import io.scenelog.streams.auth.TokenKey;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the REST API runs, validated on construction (a bad value fails at start-up naming the setting).
 *
 * @param tokenKey           the key tokens are signed with; the pipeline verifies with the same key
 * @param blobDirectory      where uploaded asset blobs live (content-addressed)
 * @param livelinkUrl        the Livelink bridge's WebSocket URL handed to joining clients
 * @param idleSessionTimeout a session without clients for this long is ended
 * @param clientTokenTtl     lifetime of the client tokens a join returns
 * @param maxJsonBytes       the largest JSON request body
 * @param assetLimits        upload caps (size, unpacked size, zip entries)
 * @param ratePerSecond      requests per second each principal may send on average
 * @param rateBurst          requests a principal may send at once
 * @param commandTimeout     how long a write waits for the pipeline's answer
 * @param browserOrigins     the web origins (scheme://host:port) whose pages may call the API from a browser (CORS):
 *                           the Livelink viewer page's bridge; empty for none
 */
public record ApiSettings(TokenKey tokenKey, Path blobDirectory, String livelinkUrl, Duration idleSessionTimeout,
        Duration clientTokenTtl, long maxJsonBytes, AssetLimits assetLimits, double ratePerSecond, int rateBurst,
        Duration commandTimeout, List<String> browserOrigins) {

    /** Default for {@link #livelinkUrl()}: the bridge of {@code up} on this machine. */
    public static final String DEFAULT_LIVELINK_URL = "ws://127.0.0.1:8082/livelink";

    public ApiSettings {
        Objects.requireNonNull(tokenKey, "tokenKey");
        Objects.requireNonNull(blobDirectory, "blobDirectory");
        Objects.requireNonNull(assetLimits, "assetLimits");
        browserOrigins = List.copyOf(browserOrigins);
        for (String origin : browserOrigins) {
            if (!origin.matches("https?://[^/?#\\s]+")) {
                throw new InvalidEdgeSettingsException("browserOrigins", origin,
                        "give an origin as scheme://host:port without a path, e.g. http://127.0.0.1:8082");
            }
        }
        if (livelinkUrl == null || !(livelinkUrl.startsWith("ws://") || livelinkUrl.startsWith("wss://"))) {
            throw new InvalidEdgeSettingsException("livelinkUrl", livelinkUrl, "give the bridge's ws:// or wss:// URL");
        }
        positive("idleSessionTimeout", idleSessionTimeout);
        positive("clientTokenTtl", clientTokenTtl);
        positive("commandTimeout", commandTimeout);
        if (maxJsonBytes < 1024) {
            throw new InvalidEdgeSettingsException("maxJsonBytes", maxJsonBytes, "allow at least 1024 bytes");
        }
        if (!(ratePerSecond > 0) || rateBurst < 1) {
            throw new InvalidEdgeSettingsException("rateLimit", ratePerSecond + "/s burst " + rateBurst,
                    "use a positive rate and a burst of at least 1");
        }
    }

    /** Defaults: 10 min idle timeout, 1 h client tokens, 1 MiB JSON, 200 requests/s (burst 400), 10 s writes. */
    public static ApiSettings defaults(TokenKey tokenKey, Path blobDirectory) {
        return new ApiSettings(tokenKey, blobDirectory, DEFAULT_LIVELINK_URL, Duration.ofMinutes(10),
                Duration.ofHours(1), 1024 * 1024, AssetLimits.defaults(), 200, 400, Duration.ofSeconds(10), List.of());
    }

    public ApiSettings withIdleSessionTimeout(Duration value) {
        return new ApiSettings(tokenKey, blobDirectory, livelinkUrl, value, clientTokenTtl, maxJsonBytes,
                assetLimits, ratePerSecond, rateBurst, commandTimeout, browserOrigins);
    }

    public ApiSettings withLivelinkUrl(String value) {
        return new ApiSettings(tokenKey, blobDirectory, value, idleSessionTimeout, clientTokenTtl, maxJsonBytes,
                assetLimits, ratePerSecond, rateBurst, commandTimeout, browserOrigins);
    }

    public ApiSettings withAssetLimits(AssetLimits value) {
        return new ApiSettings(tokenKey, blobDirectory, livelinkUrl, idleSessionTimeout, clientTokenTtl, maxJsonBytes,
                value, ratePerSecond, rateBurst, commandTimeout, browserOrigins);
    }

    public ApiSettings withMaxJsonBytes(long value) {
        return new ApiSettings(tokenKey, blobDirectory, livelinkUrl, idleSessionTimeout, clientTokenTtl, value,
                assetLimits, ratePerSecond, rateBurst, commandTimeout, browserOrigins);
    }

    public ApiSettings withRateLimit(double perSecond, int burst) {
        return new ApiSettings(tokenKey, blobDirectory, livelinkUrl, idleSessionTimeout, clientTokenTtl, maxJsonBytes,
                assetLimits, perSecond, burst, commandTimeout, browserOrigins);
    }

    public ApiSettings withCommandTimeout(Duration value) {
        return new ApiSettings(tokenKey, blobDirectory, livelinkUrl, idleSessionTimeout, clientTokenTtl, maxJsonBytes,
                assetLimits, ratePerSecond, rateBurst, value, browserOrigins);
    }

    public ApiSettings withBrowserOrigins(List<String> value) {
        return new ApiSettings(tokenKey, blobDirectory, livelinkUrl, idleSessionTimeout, clientTokenTtl, maxJsonBytes,
                assetLimits, ratePerSecond, rateBurst, commandTimeout, value);
    }

    private static void positive(String name, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new InvalidEdgeSettingsException(name, value, "use a positive duration");
        }
    }
}
