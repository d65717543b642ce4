package io.scenelog.streams.control;

import io.scenelog.model.SceneRecord;
import io.scenelog.model.SceneStatus;
import io.scenelog.model.SessionClient;
import io.scenelog.model.SessionRecord;
import io.scenelog.model.SessionStatus;
import io.scenelog.schemas.ScenelogSchemas;
import java.util.ArrayList;
import java.util.List;

/** The pure {@code evolve} of control events: the scene record or session record after an event. */
public final class ControlEvolution {

    static {
        // Copying generated records makes Avro load their classes by name, which Avro 1.12.2 refuses for
        // untrusted classes; the serdes trust ours on first use, but the pure rules may run before any serde.
        ScenelogSchemas.trustGeneratedClasses();
    }

    private ControlEvolution() {
    }

    /**
     * The scene after a scene event.
     *
     * @param current the scene before, or null before it was created
     */
    public static SceneRecord scene(SceneRecord current, ControlEvent event) {
        if (event instanceof ControlEvent.SceneCreated created) {
            return SceneRecord.newBuilder()
                    .setSceneId(created.sceneId())
                    .setName(created.name())
                    .setSettings(created.settings())
                    .setStatus(SceneStatus.ACTIVE)
                    .setVersion(0L)
                    .setEntityCount(0L)
                    .setCreatedAt(created.at())
                    .setUpdatedAt(created.at())
                    .build();
        }
        if (event instanceof ControlEvent.SceneDeleted deleted) {
            return SceneRecord.newBuilder(current)
                    .setStatus(SceneStatus.DELETED)
                    .setEntityCount(0L)
                    .setUpdatedAt(deleted.at())
                    .build();
        }
        throw new IllegalArgumentException(event.getClass().getSimpleName() + " does not change a scene");
    }

    /**
     * The session after a session event.
     *
     * @param current the session before, or null before it was requested
     */
    public static SessionRecord session(SessionRecord current, ControlEvent.SessionEvent event) {
        if (event instanceof ControlEvent.SessionRequested requested) {
            return SessionRecord.newBuilder()
                    .setSessionId(requested.sessionId())
                    .setSceneId(requested.sceneId())
                    .setMode(requested.mode())
                    .setStatus(SessionStatus.REQUESTED)
                    .setClients(List.of())
                    .setCreatedAt(requested.at())
                    .setUpdatedAt(requested.at())
                    .build();
        }
        SessionRecord.Builder next = SessionRecord.newBuilder(current).setUpdatedAt(event.at());
        if (event instanceof ControlEvent.SessionStarted started) {
            return next.setStatus(SessionStatus.RUNNING)
                    .setNodeId(started.nodeId())
                    .setFrameEndpoint(started.frameEndpoint())
                    .build();
        }
        if (event instanceof ControlEvent.SessionAssigned assigned) {
            return next.setStatus(SessionStatus.ASSIGNED)
                    .setNodeId(assigned.nodeId())
                    .setFrameEndpoint(null)
                    .build();
        }
        if (event instanceof ControlEvent.SessionRequeued) {
            return next.setStatus(SessionStatus.REQUESTED)
                    .setNodeId(null)
                    .setFrameEndpoint(null)
                    .build();
        }
        if (event instanceof ControlEvent.ClientJoinedSession joined) {
            List<SessionClient> clients = without(current.getClients(), joined.clientId());
            clients.add(new SessionClient(joined.clientId(), joined.role(), joined.headless(), joined.at()));
            return next.setClients(clients).build();
        }
        if (event instanceof ControlEvent.ClientLeftSession left) {
            return next.setClients(without(current.getClients(), left.clientId())).build();
        }
        if (event instanceof ControlEvent.SessionEnded ended) {
            return next.setStatus(SessionStatus.ENDED)
                    .setClients(List.of())
                    .setEndReason(ended.reason())
                    .build();
        }
        throw new IllegalArgumentException(event.getClass().getSimpleName() + " does not change a session");
    }

    private static List<SessionClient> without(List<SessionClient> clients, String clientId) {
        List<SessionClient> kept = new ArrayList<>();
        for (SessionClient client : clients) {
            if (!client.getClientId().equals(clientId)) {
                kept.add(SessionClient.newBuilder(client).build());
            }
        }
        return kept;
    }
}
