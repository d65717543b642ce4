package io.scenelog.renderer.link.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Which connection serves which client: the one that configured it last. */
final class ClientRoutes {

    private final Map<String, LinkConnection> owners = new ConcurrentHashMap<>();

    /**
     * Makes a connection the client's owner.
     *
     * @return the previous owner, if another connection had it
     */
    Optional<LinkConnection> claim(String clientId, LinkConnection connection) {
        LinkConnection previous = owners.put(clientId, connection);
        return previous == null || previous == connection ? Optional.empty() : Optional.of(previous);
    }

    /** The connection serving a client. */
    Optional<LinkConnection> owner(String clientId) {
        return Optional.ofNullable(owners.get(clientId));
    }

    /** Releases every client of a closing connection, returning those it still owned. */
    List<String> releaseAll(LinkConnection connection) {
        List<String> released = new ArrayList<>();
        for (Map.Entry<String, LinkConnection> entry : owners.entrySet()) {
            if (entry.getValue() == connection && owners.remove(entry.getKey(), connection)) {
                released.add(entry.getKey());
            }
        }
        return released;
    }
}
