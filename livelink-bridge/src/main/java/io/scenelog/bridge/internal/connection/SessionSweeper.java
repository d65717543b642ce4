package io.scenelog.bridge.internal.connection;

import io.scenelog.bridge.internal.session.SessionDirectory;
import io.scenelog.model.SessionRecord;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks every open connection against the sessions view at a short interval, so an eviction, a role change or the
 * session's end disconnects a client at once rather than at its next frame, and others hear that it left. Cheap
 * when nothing changed: each session's members are indexed once per record, a connection is checked again only
 * when its session's record or its presence changed, and token expiry is read from the instant cached at the
 * Welcome (the token was verified then; it is not verified again here).
 */
public final class SessionSweeper implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(SessionSweeper.class);

    private final ConnectionRegistry connections;
    private final SessionDirectory sessions;
    /** The members indexed at the last sweep, by session id; runs of the sweep never overlap. */
    private Map<String, SessionMembers> lastSweep = new HashMap<>();

    /**
     * @param connections the welcomed connections
     * @param sessions    the sessions view
     */
    public SessionSweeper(ConnectionRegistry connections, SessionDirectory sessions) {
        this.connections = connections;
        this.sessions = sessions;
    }

    @Override
    public void run() {
        try {
            Map<String, SessionMembers> thisSweep = new HashMap<>();
            for (String sessionId : connections.sessions()) {
                SessionMembers members = members(sessionId);
                thisSweep.put(sessionId, members);
                for (Connection connection : connections.inSession(sessionId)) {
                    connection.sweep(members);
                }
            }
            lastSweep = thisSweep;
        } catch (RuntimeException e) {
            // A timer task that throws is never run again: log and keep sweeping.
            LOG.error("Sweeping the connections against the sessions view failed.", e);
        }
    }

    private SessionMembers members(String sessionId) {
        SessionMembers previous = lastSweep.get(sessionId);
        SessionRecord record = sessions.session(UUID.fromString(sessionId)).orElse(null);
        return previous != null && previous.record() == record ? previous : new SessionMembers(record);
    }
}
