package io.scenelog.bridge.internal.connection;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The welcomed connections of this bridge by session, for routing action results, sweeping memberships and
 * replacing a client that connects again. Thread-safe.
 */
public final class ConnectionRegistry {

    private final Map<String, Set<Connection>> bySession = new ConcurrentHashMap<>();
    private final Set<Connection> all = ConcurrentHashMap.newKeySet();

    /**
     * Adds a connection that is being welcomed.
     *
     * @return the connection of the same client in the same session it replaces, if there was one
     */
    Optional<Connection> add(Connection connection) {
        Identity who = connection.identity();
        Set<Connection> session = bySession.computeIfAbsent(who.sessionId().toString(),
                key -> ConcurrentHashMap.newKeySet());
        Optional<Connection> replaced = session.stream()
                .filter(other -> other != connection && other.identity().clientId().equals(who.clientId()))
                .findFirst();
        session.add(connection);
        all.add(connection);
        return replaced;
    }

    /** Removes a connection. */
    void remove(Connection connection) {
        all.remove(connection);
        Identity who = connection.identity();
        if (who != null) {
            bySession.computeIfPresent(who.sessionId().toString(), (key, set) -> {
                set.remove(connection);
                return set.isEmpty() ? null : set;
            });
        }
    }

    /** The connections of a session, by the session's id as text (the action-results key); empty when none. */
    Collection<Connection> inSession(String sessionId) {
        Set<Connection> session = bySession.get(sessionId);
        return session == null ? List.of() : session;
    }

    /** Whether another connection of the same client in the same session is registered. */
    boolean hasOther(Connection connection) {
        Identity who = connection.identity();
        return inSession(who.sessionId().toString()).stream()
                .anyMatch(other -> other != connection && other.identity().clientId().equals(who.clientId()));
    }

    /** Every registered connection. */
    public Collection<Connection> all() {
        return all;
    }

    /** How many connections are registered. */
    public int size() {
        return all.size();
    }

    /** The ids of the sessions with connections here. */
    Set<String> sessions() {
        return bySession.keySet();
    }

    /** Convenience for the session of a UUID. */
    Collection<Connection> inSession(UUID sessionId) {
        return inSession(sessionId.toString());
    }
}
