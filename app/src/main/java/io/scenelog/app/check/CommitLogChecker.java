package io.scenelog.app.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenelog.app.tail.EventJson;
import io.scenelog.model.ActionResult;
import io.scenelog.model.ActionStatus;
import io.scenelog.model.CreateEntity;
import io.scenelog.model.EntityChange;
import io.scenelog.model.EntityChangeKind;
import io.scenelog.model.EntityState;
import io.scenelog.model.ReasonCode;
import io.scenelog.model.SceneAction;
import io.scenelog.model.SceneEvent;
import io.scenelog.model.UpdateComponents;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Proves, for one scene, the guarantees a crash must not break (DESIGN §11 "Faults"): nothing acknowledged is
 * missing, nothing is applied twice, and the materialised state equals the state the commit log implies.
 *
 * <ul>
 *   <li>the log: versions 1, 2, 3... without gap or repeat; no action committed twice; entity versions that follow
 *       each other by one (see {@link SceneModel#anomalies()});</li>
 *   <li>acknowledgements: every ACCEPTED result of a sent action has exactly one event, at the version the result
 *       names, carrying the action's components; every event of a sent action was acknowledged; no action was
 *       answered twice with different outcomes;</li>
 *   <li>state: {@code scene-state} holds exactly the entities of the {@link SceneModel}, with their versions and
 *       components.</li>
 * </ul>
 * Pure: it reads nothing itself ({@link CommittedLogReader} gathers the input), so the future {@code fault} command
 * and tests reuse it as is.
 */
public final class CommitLogChecker {

    /** Checks one scene. */
    public CheckReport check(CheckInput input) {
        List<String> violations = new ArrayList<>();
        Map<UUID, List<SceneEvent>> eventsByAction = checkLog(input.events(), violations);
        SceneModel model = new SceneModel();
        input.events().forEach(model::apply);
        violations.addAll(model.anomalies());
        Map<UUID, ActionResult> outcomes = outcomes(input, violations);
        int accepted = 0;
        int rejected = 0;
        for (Map.Entry<UUID, ActionResult> outcome : outcomes.entrySet()) {
            List<SceneEvent> committed = eventsByAction.getOrDefault(outcome.getKey(), List.of());
            if (outcome.getValue().getStatus() == ActionStatus.ACCEPTED) {
                accepted++;
                checkAccepted(input.sent().get(outcome.getKey()), outcome.getValue(), committed, violations);
            } else {
                rejected++;
                if (!committed.isEmpty()) {
                    violations.add("Action " + outcome.getKey() + " was rejected (" + outcome.getValue().getReason()
                            + ") but committed at version " + committed.get(0).getVersion());
                }
            }
        }
        for (UUID actionId : input.sent().keySet()) {
            if (!outcomes.containsKey(actionId) && eventsByAction.containsKey(actionId)) {
                violations.add("Action " + actionId + " is committed at version "
                        + eventsByAction.get(actionId).get(0).getVersion() + " but has no result");
            }
        }
        checkState(model, input.state(), violations);
        int unresolved = (int) input.sent().keySet().stream().filter(id -> !outcomes.containsKey(id)).count();
        return new CheckReport(input.sceneId(), input.events().size(), accepted, rejected, unresolved,
                input.state().size(), violations);
    }

    private static Map<UUID, List<SceneEvent>> checkLog(List<SceneEvent> events, List<String> violations) {
        Map<UUID, List<SceneEvent>> byAction = new HashMap<>();
        long expected = 1;
        for (SceneEvent event : events) {
            if (event.getVersion() != expected) {
                violations.add("Scene version " + event.getVersion() + " (action " + event.getActionId()
                        + ") where " + expected + " was due: " + (event.getVersion() < expected ? "repeated" : "gap"));
            }
            expected = event.getVersion() + 1;
            List<SceneEvent> same = byAction.computeIfAbsent(event.getActionId(), id -> new ArrayList<>());
            same.add(event);
            if (same.size() == 2) {
                violations.add("Action " + event.getActionId() + " is committed more than once (versions "
                        + same.get(0).getVersion() + " and " + event.getVersion() + ")");
            }
        }
        return byAction;
    }

    /** The first outcome of each sent action; a later one may only be a DUPLICATE answer or the same outcome. */
    private static Map<UUID, ActionResult> outcomes(CheckInput input, List<String> violations) {
        Map<UUID, ActionResult> first = new HashMap<>();
        for (ActionResult result : input.results()) {
            UUID id = result.getActionId();
            if (!input.sent().containsKey(id)) {
                continue;
            }
            ActionResult earlier = first.putIfAbsent(id, result);
            if (earlier != null && !isDuplicateAnswer(result) && (earlier.getStatus() != result.getStatus()
                    || !Objects.equals(earlier.getSceneVersion(), result.getSceneVersion()))) {
                violations.add("Action " + id + " was answered twice: " + earlier.getStatus() + " at version "
                        + earlier.getSceneVersion() + ", then " + result.getStatus() + " at version "
                        + result.getSceneVersion());
            }
        }
        return first;
    }

    private static boolean isDuplicateAnswer(ActionResult result) {
        return result.getReason() == ReasonCode.DUPLICATE;
    }

    private static void checkAccepted(SceneAction action, ActionResult result, List<SceneEvent> committed,
            List<String> violations) {
        if (committed.isEmpty()) {
            violations.add("Action " + result.getActionId() + " was acknowledged (ACCEPTED at version "
                    + result.getSceneVersion() + ") but is missing from the commit log");
            return;
        }
        SceneEvent event = committed.get(0);
        if (!Objects.equals(result.getSceneVersion(), event.getVersion())) {
            violations.add("Action " + result.getActionId() + " was acknowledged at version "
                    + result.getSceneVersion() + " but committed at version " + event.getVersion());
        }
        for (Object operation : action.getOperations()) {
            if (operation instanceof CreateEntity create) {
                expectChange(event, create.getEntityId(), EntityChangeKind.CREATED,
                        EventJson.components(create.getComponents()), violations);
            } else if (operation instanceof UpdateComponents update) {
                expectChange(event, update.getEntityId(), EntityChangeKind.UPDATED,
                        EventJson.components(update.getComponents()), violations);
            }
        }
    }

    private static void expectChange(SceneEvent event, UUID entityId, EntityChangeKind kind, JsonNode components,
            List<String> violations) {
        boolean found = event.getChanges().stream().anyMatch(c -> c.getEntityId().equals(entityId)
                && c.getKind() == kind && EventJson.components(c.getComponents()).equals(components));
        if (!found) {
            violations.add("Event version " + event.getVersion() + " of action " + event.getActionId()
                    + " lacks the " + kind + " change of entity " + entityId + " with components " + components
                    + "; it has " + describe(event.getChanges()));
        }
    }

    private static void checkState(SceneModel model, Map<UUID, EntityState> state, List<String> violations) {
        for (Map.Entry<UUID, SceneModel.Entity> expected : model.entities().entrySet()) {
            EntityState actual = state.get(expected.getKey());
            SceneModel.Entity entity = expected.getValue();
            if (actual == null) {
                violations.add("Entity " + expected.getKey() + " (version " + entity.version()
                        + ") is in the commit log but missing from scene-state");
                continue;
            }
            JsonNode actualComponents = EventJson.components(actual.getComponents());
            JsonNode expectedComponents = EventJson.components(entity.components());
            if (actual.getVersion() != entity.version() || actual.getSceneVersion() != entity.sceneVersion()
                    || !actualComponents.equals(expectedComponents)) {
                violations.add("Entity " + expected.getKey() + " differs: scene-state has version "
                        + actual.getVersion() + " at scene version " + actual.getSceneVersion() + " with "
                        + actualComponents + ", the commit log implies version " + entity.version()
                        + " at scene version " + entity.sceneVersion() + " with " + expectedComponents);
            }
        }
        state.keySet().stream().filter(id -> !model.entities().containsKey(id)).forEach(id -> violations.add(
                "Entity " + id + " is in scene-state but the commit log has no such (live) entity"));
    }

    private static String describe(List<EntityChange> changes) {
        return changes.stream().map(c -> c.getKind() + " " + c.getEntityId() + " "
                + EventJson.components(c.getComponents())).toList().toString();
    }
}
