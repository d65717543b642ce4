package io.scenelog.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.scenelog.model.ActionResult;
import io.scenelog.model.SceneAction;
import io.scenelog.model.SceneEvent;
import io.scenelog.topics.Topics;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The scene feed outlives what it cannot read: a record no event can be made of is skipped (logged and counted), a
 * registry that cannot answer for a while is waited for; either way the scene's clients keep getting events.
 */
class FeedFaultsIntegrationTest {

    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.get();
    }

    @Test
    void shouldSkipARecordWithASchemaIdTheRegistryDoesNotKnowAndDeliverTheNextEvents() {
        // given: a viewer of a scene, and an editor writing through Kafka
        UUID scene = platform.rest().createScene("poison");
        UUID session = platform.rest().createSession(scene, "persistent");
        RestCalls.Joined editor = platform.rest().join(scene, session, "editor", true);
        Counter undeliverable = platform.bridge().meterRegistry().find("scenelog_bridge_undeliverable_events")
                .counter();
        try (RawLivelink viewer = RawLivelink.connect(platform.bridge().livelinkUri())) {
            viewer.join(platform.rest().join(scene, session, "viewer", true).token());
            double skippedBefore = undeliverable.count();

            // when: a record in the wire format naming an unregistered schema id precedes the scene's next event
            platform.produce(Topics.SCENE_EVENTS.name(), scene.toString(),
                    new byte[] {0, 0x7f, (byte) 0xff, (byte) 0xff, 0x01, 2, 4, 6, 8});
            SceneAction create = Actions.of(editor).create(UUID.randomUUID(), "after the poison", true);
            create.setToken(editor.token());
            platform.act(create);

            // then
            SceneEvent seen = viewer.awaitFirst(SceneEvent.class, e -> e.getActionId().equals(create.getActionId()));
            assertThat(seen.getVersion()).isPositive();
            assertThat(undeliverable.count()).isGreaterThan(skippedBefore);
            assertThat(platform.bridge().health().ready()).isTrue();
        }
    }

    @Test
    void shouldWaitForARegistryThatCannotAnswerRatherThanStopFollowingTheLog() {
        // given: a bridge whose registry cannot serve the action results' schema for now
        UUID scene = platform.rest().createScene("registry-away");
        UUID session = platform.rest().createSession(scene, "persistent");
        RestCalls.Joined editor = platform.rest().join(scene, session, "editor", true);
        try (RegistryProxy registry = RegistryProxy.withholding(platform.registryUrl(),
                ActionResult.getClassSchema().getFullName());
                LivelinkBridge bridge = platform.startBridge(registry.url(), b -> b);
                RawLivelink viewer = RawLivelink.connect(bridge.livelinkUri())) {
            // when: a result reaches the bridge (its presence action's) while the registry cannot answer
            viewer.join(platform.rest().join(scene, session, "viewer", true).token());
            await().atMost(RawLivelink.WAIT).until(() -> registry.refused() > 0);
            registry.heal();
            SceneAction create = Actions.of(editor).create(UUID.randomUUID(), "after the outage", true);
            create.setToken(editor.token());
            platform.act(create);

            // then: the bridge still follows the scene
            viewer.awaitFirst(SceneEvent.class, e -> e.getActionId().equals(create.getActionId()));
            assertThat(bridge.health().ready()).isTrue();
        }
    }
}
