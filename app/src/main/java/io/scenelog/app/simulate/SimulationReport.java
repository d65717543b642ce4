package io.scenelog.app.simulate;

import io.scenelog.model.ReasonCode;
import io.scenelog.model.Transform;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a simulation run did.
 *
 * @param sceneId   the scene written to
 * @param clientId  the simulation's client id (with Livelink, the id the edge assigned at the join)
 * @param entities  the bodies it created, in order
 * @param last      the last transform sent for each body
 * @param sent      actions handed over: acknowledged by Kafka, or taken by the Livelink connection (creation actions
 *                  included)
 * @param failed    actions refused before the platform (by Kafka, or by the Livelink client: too large, connection
 *                  closed)
 * @param accepted  actions answered ACCEPTED
 * @param rejected  actions answered REJECTED
 * @param reasons   rejections by reason
 * @param elapsed   from the first send to the end
 * @param signalled whether Ctrl-C / SIGTERM ended the run
 */
public record SimulationReport(UUID sceneId, String clientId, List<UUID> entities, Map<UUID, Transform> last,
        long sent, long failed, long accepted, long rejected, Map<ReasonCode, Long> reasons, Duration elapsed,
        boolean signalled) {

    /** Copies the collections. */
    public SimulationReport {
        entities = List.copyOf(entities);
        last = Map.copyOf(last);
        reasons = Map.copyOf(reasons);
    }

    /** Sent actions without a result yet. */
    public long lag() {
        return sent - accepted - rejected;
    }

    /** Whether every action reached the platform and was answered. */
    public boolean complete() {
        return failed == 0 && lag() == 0;
    }
}
