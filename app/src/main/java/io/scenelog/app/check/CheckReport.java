package io.scenelog.app.check;

import java.util.List;
import java.util.UUID;

/**
 * The checker's verdict on one scene.
 *
 * @param sceneId    the scene
 * @param events     committed events read
 * @param accepted   sent actions answered ACCEPTED
 * @param rejected   sent actions answered REJECTED
 * @param unresolved sent actions without any result yet (not a violation: nothing was acknowledged)
 * @param entities   entities in the final state
 * @param violations every broken guarantee, each a complete sentence naming the action, entity or version
 */
public record CheckReport(UUID sceneId, int events, int accepted, int rejected, int unresolved, int entities,
        List<String> violations) {

    /** Copies the violations. */
    public CheckReport {
        violations = List.copyOf(violations);
    }

    /** Whether every guarantee held. */
    public boolean passed() {
        return violations.isEmpty();
    }

    /** A summary line, then one line per violation. */
    public String describe() {
        StringBuilder text = new StringBuilder("scene ").append(sceneId).append(": ").append(events)
                .append(" events, ").append(accepted).append(" accepted, ").append(rejected).append(" rejected, ")
                .append(unresolved).append(" unresolved, ").append(entities).append(" entities: ")
                .append(passed() ? "OK" : violations.size() + " violations");
        violations.forEach(v -> text.append("\n  - ").append(v));
        return text.toString();
    }
}
