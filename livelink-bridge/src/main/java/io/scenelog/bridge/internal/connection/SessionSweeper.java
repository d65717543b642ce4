package io.scenelog.bridge.internal.connection;

import io.scenelog.bridge.internal.session.SessionDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks every open connection against the sessions view at a short interval, so an eviction, a role change or the
 * session's end disconnects a client at once rather than at its next frame, and others hear that it left.
 */
public final class SessionSweeper implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(SessionSweeper.class);

    private final ConnectionRegistry connections;
    private final SessionDirectory sessions;

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
            for (Connection connection : connections.all()) {
                if (connection.state() == Connection.State.OPEN && connection.checkStanding()) {
                    sessions.session(connection.identity().sessionId()).ifPresent(connection::reconcilePresence);
                }
            }
        } catch (RuntimeException e) {
            // A timer task that throws is never run again: log and keep sweeping.
            LOG.error("Sweeping the connections against the sessions view failed.", e);
        }
    }
}
