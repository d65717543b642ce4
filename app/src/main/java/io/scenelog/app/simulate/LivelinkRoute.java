package io.scenelog.app.simulate;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * How {@code simulate --via livelink} reaches the platform: the REST edge to join through, and optionally the
 * session to join (else it finds or starts one of the scene).
 *
 * @param restUrl the REST edge's base URL ({@code --rest-url})
 * @param session the session to join ({@code --session}), or empty to find or start one
 */
public record LivelinkRoute(URI restUrl, Optional<UUID> session) {

    /** @throws IllegalArgumentException naming the option when the URL is not http(s) */
    public LivelinkRoute {
        Objects.requireNonNull(restUrl, "restUrl");
        Objects.requireNonNull(session, "session");
        if (!"http".equals(restUrl.getScheme()) && !"https".equals(restUrl.getScheme())) {
            throw new IllegalArgumentException("--rest-url " + restUrl + " is not an http:// or https:// URL: give "
                    + "the REST edge, e.g. http://127.0.0.1:8080");
        }
    }
}
