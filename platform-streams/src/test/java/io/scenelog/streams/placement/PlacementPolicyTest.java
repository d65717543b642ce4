package io.scenelog.streams.placement;

import static io.scenelog.streams.testing.Fixtures.T0;
import static io.scenelog.streams.testing.Fixtures.node;
import static org.assertj.core.api.Assertions.assertThat;

import io.scenelog.model.NodeState;
import io.scenelog.model.NodeStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PlacementPolicyTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Test
    void shouldBreakTiesByNodeId() {
        assertThat(PlacementPolicy.choose(List.of(node("node-b", 2, T0), node("node-a", 2, T0)), Map.of(), Set.of(),
                T0, TIMEOUT)).contains("node-a");
    }

    @Test
    void shouldCountPlacedSessionsTheHeartbeatDoesNotShowYet() {
        // given
        UUID shown = UUID.randomUUID();
        UUID placedSince = UUID.randomUUID();
        NodeStatus a = node("node-a", 3, T0, shown);

        // then: the shown one is counted once, the new one too
        assertThat(PlacementPolicy.free(a, Map.of("node-a", Set.of(shown, placedSince)))).isEqualTo(1);
    }

    @Test
    void shouldAvoidANodeOnlyWhileAnotherHasRoom() {
        // given
        List<NodeStatus> nodes = List.of(node("node-a", 4, T0), node("node-b", 1, T0));

        // then
        assertThat(PlacementPolicy.choose(nodes, Map.of(), Set.of("node-a"), T0, TIMEOUT)).contains("node-b");
        assertThat(PlacementPolicy.choose(List.of(nodes.get(0)), Map.of(), Set.of("node-a"), T0, TIMEOUT))
                .contains("node-a");
    }

    @Test
    void shouldChooseNoNodeThatIsSilentDownOrFull() {
        // given
        NodeStatus silent = node("silent", 4, T0.minus(TIMEOUT).minusMillis(1));
        NodeStatus down = NodeStatus.newBuilder(node("down", 4, T0)).setStatus(NodeState.DOWN).build();
        NodeStatus full = node("full", 1, T0, UUID.randomUUID());

        // then
        assertThat(PlacementPolicy.choose(List.of(silent, down, full), Map.of(), Set.of(), T0, TIMEOUT)).isEmpty();
    }

    @Test
    void shouldExplainWhyANodeIsDead() {
        assertThat(PlacementPolicy.deadReason("gone", null, T0, TIMEOUT)).get().asString().contains("unknown");
        assertThat(PlacementPolicy.deadReason("n", node("n", 1, T0.minusSeconds(6)), T0, TIMEOUT)).get().asString()
                .contains("missed its heartbeats");
        assertThat(PlacementPolicy.deadReason("n", node("n", 1, T0.minusSeconds(4)), T0, TIMEOUT)).isEmpty();
    }
}
