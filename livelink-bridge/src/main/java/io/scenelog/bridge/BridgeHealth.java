package io.scenelog.bridge;

import java.util.Map;

/**
 * Whether a bridge serves: its parts' states, as {@code GET /health} reports them.
 *
 * @param ready  whether the bridge accepts and serves connections (every check UP)
 * @param checks each part's state, UP or DOWN: the scene feed (commit log and results reader), the sessions view
 */
public record BridgeHealth(boolean ready, Map<String, String> checks) {

    public BridgeHealth {
        checks = Map.copyOf(checks);
    }
}
