package io.scenelog.streams.action;

import io.scenelog.model.CreateEntity;
import io.scenelog.model.Emitter;
import io.scenelog.model.ReasonCode;
import io.scenelog.model.Role;
import io.scenelog.model.SceneAction;
import io.scenelog.model.SceneEvent;
import io.scenelog.model.SceneRecord;
import io.scenelog.model.SceneStatus;
import io.scenelog.model.SessionClient;
import io.scenelog.model.SessionMode;
import io.scenelog.model.SessionRecord;
import io.scenelog.model.SessionStatus;
import io.scenelog.streams.auth.TokenVerifier;
import io.scenelog.streams.scene.ClientSeq;
import io.scenelog.streams.scene.SceneState;
import io.scenelog.streams.scene.StagedSpace;
import io.scenelog.streams.scene.Stamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The pure {@code decide(state, action)} of scene actions. The rules run in this order and the first that fails
 * decides the reason (README "Rules"):
 * <ol>
 *   <li>a known actionId, or a known (scene, session, client, clientSeq): DUPLICATE with the first outcome;</li>
 *   <li>the token: valid, for this client, scoped to this scene and session: UNAUTHORIZED;</li>
 *   <li>the structure: operations present, values finite and in range, no entity created twice: INVALID;</li>
 *   <li>the scene exists and is not deleted: UNKNOWN_SCENE;</li>
 *   <li>with a session: it exists in this scene, has not ended, and the client has joined it: UNKNOWN_SESSION;</li>
 *   <li>persist=false needs a session (INVALID); a change that persists needs editor or admin, in the token and
 *       in the session: FORBIDDEN_PERSIST;</li>
 *   <li>each operation in order against the state as changed by the ones before: UNKNOWN_ENTITY, ENTITY_EXISTS,
 *       VERSION_CONFLICT, INVALID (a cycle, a transient delete of persisted state).</li>
 * </ol>
 * An accepted action becomes one {@link SceneEvent} at the scene's next version, atomically.
 */
public final class ActionDecider {

    private final TokenVerifier verifier;

    public ActionDecider(TokenVerifier verifier) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
    }

    /** Decides one action against the state of its scene, at {@code now} (the commit time if accepted). */
    public ActionOutcome decide(SceneState state, SceneAction action, Instant now) {
        Optional<ActionOutcome> duplicate = duplicateOf(state, action);
        if (duplicate.isPresent()) {
            return duplicate.get();
        }
        Authorization.Result auth = Authorization.check(verifier, action.getToken(), action.getClientId(),
                action.getSceneId(), action.getSessionId());
        if (!auth.authorised()) {
            return new ActionOutcome.Rejected(auth.rejection());
        }
        Optional<String> structure = structuralProblem(action);
        if (structure.isPresent()) {
            return rejected(ReasonCode.INVALID, structure.get());
        }
        Optional<SceneRecord> scene = state.scene().filter(s -> s.getStatus() == SceneStatus.ACTIVE);
        if (scene.isEmpty()) {
            return rejected(ReasonCode.UNKNOWN_SCENE, "scene " + action.getSceneId() + " does not exist");
        }
        UUID sessionId = action.getSessionId();
        Optional<SessionRecord> session = Optional.empty();
        Role role = auth.claims().role();
        if (sessionId != null) {
            session = state.session(sessionId).filter(s -> s.getStatus() != SessionStatus.ENDED);
            Optional<SessionClient> member = session.flatMap(s -> s.getClients().stream()
                    .filter(c -> c.getClientId().equals(action.getClientId())).findFirst());
            if (member.isEmpty()) {
                return rejected(ReasonCode.UNKNOWN_SESSION, session.isEmpty()
                        ? "session " + sessionId + " of scene " + action.getSceneId() + " does not exist or ended"
                        : "client '" + action.getClientId() + "' has not joined session " + sessionId);
            }
            role = least(role, member.get().getRole());
        } else if (!action.getPersist()) {
            return rejected(ReasonCode.INVALID, "persist=false needs a session: the overlay belongs to one");
        }
        boolean persisted = action.getPersist()
                && session.map(s -> s.getMode() == SessionMode.PERSISTENT).orElse(true);
        if (persisted && role == Role.VIEWER) {
            return rejected(ReasonCode.FORBIDDEN_PERSIST, "client '" + action.getClientId()
                    + "' is a viewer and may only send transient actions (persist=false)");
        }
        return applyOperations(state, action, scene.get(), role, persisted, now);
    }

    private ActionOutcome applyOperations(SceneState state, SceneAction action, SceneRecord scene, Role role,
            boolean persisted, Instant now) {
        UUID overlay = persisted ? null : action.getSessionId();
        long version = scene.getVersion() + 1;
        StagedSpace staged = new StagedSpace(persisted ? state.persisted() : state.overlay(overlay),
                new Stamp(action.getSceneId(), overlay, version, now));
        for (Object operation : action.getOperations()) {
            OperationDecision decision = OperationRules.decide(staged, operation);
            if (decision.rejection().isPresent()) {
                return new ActionOutcome.Rejected(decision.rejection().get());
            }
            decision.events().forEach(staged::apply);
        }
        SceneEvent event = SceneEvent.newBuilder()
                .setSceneId(action.getSceneId())
                .setVersion(version)
                .setActionId(action.getActionId())
                .setEmitter(new Emitter(action.getClientId(), role, action.getSessionId()))
                .setPersisted(persisted)
                .setCommittedAt(now)
                .setChanges(staged.changes())
                .build();
        return new ActionOutcome.Committed(event, staged.writes(), overlay);
    }

    private static Optional<ActionOutcome> duplicateOf(SceneState state, SceneAction action) {
        return state.outcomeOf(action.getActionId())
                .or(() -> state.outcomeOf(new ClientSeq(action.getSceneId(), action.getSessionId(),
                        action.getClientId(), action.getClientSeq())))
                .map(ActionOutcome.Duplicate::new);
    }

    private static Optional<String> structuralProblem(SceneAction action) {
        if (action.getOperations().isEmpty()) {
            return Optional.of("the action has no operations");
        }
        Set<UUID> created = new HashSet<>();
        for (Object operation : action.getOperations()) {
            Optional<String> problem = OperationRules.check(operation);
            if (problem.isPresent()) {
                return problem;
            }
            if (operation instanceof CreateEntity create && !created.add(create.getEntityId())) {
                return Optional.of("CreateEntity " + create.getEntityId() + " appears twice in one action");
            }
        }
        return Optional.empty();
    }

    private static Role least(Role a, Role b) {
        return a.ordinal() <= b.ordinal() ? a : b;
    }

    private static ActionOutcome rejected(ReasonCode reason, String message) {
        return new ActionOutcome.Rejected(new Rejection(reason, message));
    }
}
