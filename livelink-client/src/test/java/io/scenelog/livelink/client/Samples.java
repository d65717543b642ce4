package io.scenelog.livelink.client;

import io.scenelog.livelink.Limits;
import io.scenelog.livelink.ResumeOutcome;
import io.scenelog.livelink.Welcome;
import io.scenelog.model.ActionResult;
import io.scenelog.model.ActionStatus;
import io.scenelog.model.ComponentKind;
import io.scenelog.model.Components;
import io.scenelog.model.Emitter;
import io.scenelog.model.EntityChange;
import io.scenelog.model.EntityChangeKind;
import io.scenelog.model.ReasonCode;
import io.scenelog.model.Role;
import io.scenelog.model.SceneAction;
import io.scenelog.model.SceneEvent;
import io.scenelog.model.SessionMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Records for tests: Welcomes, events and results with fixed, readable values. */
final class Samples {

    static final UUID SCENE = UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae7");
    static final UUID SESSION = UUID.fromString("9b2c3d4e-5f60-4a71-8b92-a3b4c5d6e7f8");
    static final UUID OTHER_SESSION = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
    static final String CLIENT = "client-1";
    static final Instant AT = Instant.parse("2026-03-24T10:00:00Z");

    private Samples() {
    }

    static Welcome welcome(ResumeOutcome resume, long startVersion, int heartbeatMillis, int maxFrameBytes) {
        return Welcome.newBuilder()
                .setProtocolVersion(1)
                .setServerProtocolVersion(1)
                .setSceneId(SCENE)
                .setSessionId(SESSION)
                .setClientId(CLIENT)
                .setRole(Role.EDITOR)
                .setSessionMode(SessionMode.PERSISTENT)
                .setStartVersion(startVersion)
                .setResume(resume)
                .setHeartbeatIntervalMillis(heartbeatMillis)
                .setHeartbeatTimeoutMillis(heartbeatMillis * 3)
                .setLimits(new Limits(maxFrameBytes, 100, 50, 1000, 1000, 1L << 24))
                .setTokenExpiresAt(AT.plusSeconds(3600))
                .setServerTime(AT)
                .setBridgeId("bridge-test")
                .build();
    }

    /** A Welcome whose heartbeats stay out of a short test's way. */
    static Welcome welcome() {
        return welcome(ResumeOutcome.FRESH, 0, 60_000, 256 * 1024);
    }

    static Components named(String name) {
        return Components.newBuilder().setName(name).build();
    }

    static EntityChange change(UUID entity, EntityChangeKind kind, long entityVersion, Components components,
            List<ComponentKind> removed) {
        return EntityChange.newBuilder().setEntityId(entity).setKind(kind).setEntityVersion(entityVersion)
                .setComponents(components).setRemoved(removed).build();
    }

    static SceneEvent event(long version, boolean persisted, EntityChange... changes) {
        return SceneEvent.newBuilder()
                .setSceneId(SCENE)
                .setVersion(version)
                .setActionId(UUID.nameUUIDFromBytes(("action-" + version).getBytes(StandardCharsets.UTF_8)))
                .setEmitter(new Emitter(CLIENT, Role.EDITOR, SESSION))
                .setPersisted(persisted)
                .setCommittedAt(AT.plusMillis(version))
                .setChanges(List.of(changes))
                .build();
    }

    static ActionResult accepted(SceneAction action, long sceneVersion) {
        return result(action, ActionStatus.ACCEPTED, null).setSceneVersion(sceneVersion).build();
    }

    static ActionResult.Builder result(SceneAction action, ActionStatus status, ReasonCode reason) {
        return ActionResult.newBuilder()
                .setActionId(action.getActionId())
                .setSceneId(action.getSceneId())
                .setSessionId(action.getSessionId())
                .setClientId(action.getClientId())
                .setClientSeq(action.getClientSeq())
                .setStatus(status)
                .setReason(reason)
                .setDecidedAt(AT);
    }
}
