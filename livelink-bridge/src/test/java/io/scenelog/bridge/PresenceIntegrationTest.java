package io.scenelog.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scenelog.bridge.internal.presence.PresenceEntities;
import io.scenelog.livelink.EntityStateQuery;
import io.scenelog.livelink.Presence;
import io.scenelog.livelink.PresenceKind;
import io.scenelog.livelink.Query;
import io.scenelog.livelink.QueryResult;
import io.scenelog.model.ActionResult;
import io.scenelog.model.ActionStatus;
import io.scenelog.model.Components;
import io.scenelog.model.Quat;
import io.scenelog.model.Role;
import io.scenelog.model.SceneAction;
import io.scenelog.model.SceneEvent;
import io.scenelog.model.Transform;
import io.scenelog.model.UpdateComponents;
import io.scenelog.model.Vec3;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Presence: who is in the session, joins and leaves, and each client's camera, across bridges. */
class PresenceIntegrationTest {

    private static final AtomicLong QUERY_IDS = new AtomicLong();

    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.get();
    }

    @Test
    void shouldAnnounceJoinsCamerasAndLeaves() {
        // given
        UUID sceneId = platform.rest().createScene("presence");
        UUID sessionId = platform.rest().createSession(sceneId, "persistent");
        RestCalls.Joined alice = platform.rest().join(sceneId, sessionId, "editor", false);
        RestCalls.Joined bob = platform.rest().join(sceneId, sessionId, "viewer", false);
        try (RawLivelink aliceLink = connect()) {
            aliceLink.send(RawLivelink.hello(alice.token()).setHeadless(false).setDisplayName("Alice").build());
            UUID alicesEntity = PresenceEntities.entityId(sessionId, alice.clientId());
            aliceLink.awaitFirst(SceneEvent.class, e -> e.getChanges().stream()
                    .anyMatch(c -> c.getEntityId().equals(alicesEntity)));

            // when: bob joins
            RawLivelink bobLink = connect();
            bobLink.send(RawLivelink.hello(bob.token()).setHeadless(false).setDisplayName("Bob").build());

            // then: alice hears of bob with his camera; bob hears of himself first, then of alice
            Presence joined = aliceLink.awaitFirst(Presence.class, p -> p.getKind() == PresenceKind.JOINED
                    && p.getClientId().equals(bob.clientId()));
            assertThat(joined.getDisplayName()).isEqualTo("Bob");
            assertThat(joined.getRole()).isEqualTo(Role.VIEWER);
            assertThat(joined.getCamera()).isNotNull();
            assertThat(joined.getCamera().getEntityId())
                    .isEqualTo(PresenceEntities.entityId(sessionId, bob.clientId()));
            List<Presence> bobsPresent = bobLink.all(Presence.class);
            assertThat(bobsPresent.get(0).getClientId()).isEqualTo(bob.clientId());
            bobLink.awaitFirst(Presence.class, p -> p.getKind() == PresenceKind.PRESENT
                    && p.getClientId().equals(alice.clientId()) && p.getDisplayName().equals("Alice"));

            // when: bob moves his camera
            SceneAction move = new Actions(sceneId, sessionId, bob.clientId()).action(new UpdateComponents(
                    PresenceEntities.entityId(sessionId, bob.clientId()), Components.newBuilder()
                            .setTransform(new Transform(new Vec3(1.0, 2.0, 3.0), new Quat(0.0, 0.0, 0.0, 1.0),
                                    new Vec3(1.0, 1.0, 1.0))).build(), null), false);
            bobLink.send(move);

            // then
            assertThat(bobLink.awaitFirst(ActionResult.class, r -> r.getActionId().equals(move.getActionId()))
                    .getStatus()).isEqualTo(ActionStatus.ACCEPTED);
            Presence camera = aliceLink.awaitFirst(Presence.class, p -> p.getKind() == PresenceKind.CAMERA
                    && p.getClientId().equals(bob.clientId()));
            assertThat(camera.getCamera().getTransform().getPosition()).isEqualTo(new Vec3(1.0, 2.0, 3.0));

            // when: bob leaves
            bobLink.close();

            // then
            aliceLink.awaitFirst(Presence.class, p -> p.getKind() == PresenceKind.LEFT
                    && p.getClientId().equals(bob.clientId()));
        }
    }

    @Test
    void shouldAnnounceTheLeaveOfAnEvictedClientAcrossBridges() {
        // given: two clients of one session on two bridges
        UUID sceneId = platform.rest().createScene("presence-evicted");
        UUID sessionId = platform.rest().createSession(sceneId, "persistent");
        RestCalls.Joined staying = platform.rest().join(sceneId, sessionId, "editor", true);
        RestCalls.Joined leaving = platform.rest().join(sceneId, sessionId, "viewer", true);
        try (LivelinkBridge second = platform.startBridge(b -> b);
                RawLivelink stayingLink = connect();
                RawLivelink leavingLink = RawLivelink.connect(second.livelinkUri())) {
            stayingLink.join(staying.token());
            leavingLink.join(leaving.token());
            Presence joined = stayingLink.awaitFirst(Presence.class, p -> p.getKind() == PresenceKind.JOINED
                    && p.getClientId().equals(leaving.clientId()));
            assertThat(joined.getHeadless()).isTrue();
            assertThat(joined.getCamera()).isNull();

            // when
            platform.rest().evict(leaving);

            // then
            stayingLink.awaitFirst(Presence.class, p -> p.getKind() == PresenceKind.LEFT
                    && p.getClientId().equals(leaving.clientId()));
        }
    }

    @Test
    void shouldKeepThePresenceOfAClientThatMovedToAnotherBridge() {
        // given: a client connected to a second bridge, watched from the platform's bridge
        UUID sceneId = platform.rest().createScene("presence-moved");
        UUID sessionId = platform.rest().createSession(sceneId, "persistent");
        RestCalls.Joined watcher = platform.rest().join(sceneId, sessionId, "viewer", true);
        RestCalls.Joined mover = platform.rest().join(sceneId, sessionId, "viewer", true);
        UUID moversEntity = PresenceEntities.entityId(sessionId, mover.clientId());
        try (LivelinkBridge second = platform.startBridge(b -> b);
                RawLivelink watching = connect();
                RawLivelink moved = connect()) {
            watching.join(watcher.token());
            RawLivelink old = RawLivelink.connect(second.livelinkUri());
            old.join(mover.token());
            watching.awaitFirst(Presence.class, p -> p.getKind() == PresenceKind.JOINED
                    && p.getClientId().equals(mover.clientId()));

            // when: it connects to the platform's bridge, then its old connection ends (the old bridge removes
            // the presence entity as it cleans up)
            moved.join(mover.token());
            old.close();

            // then: the watcher hears it left, then came back; the entity exists again
            watching.awaitFirst(Presence.class, p -> p.getKind() == PresenceKind.LEFT
                    && p.getClientId().equals(mover.clientId()));
            await().atMost(RawLivelink.WAIT).until(() -> lastPresenceOf(watching,
                    mover.clientId()) == PresenceKind.JOINED);
            assertThat(moved.all(Presence.class)).noneMatch(p -> p.getKind() == PresenceKind.LEFT
                    && p.getClientId().equals(mover.clientId()));
            await().atMost(RawLivelink.WAIT).until(() -> entityExists(moved, moversEntity));
        }
    }

    /** Whether the client's session sees the entity now. */
    private static boolean entityExists(RawLivelink client, UUID entityId) {
        long queryId = QUERY_IDS.incrementAndGet();
        client.send(Query.newBuilder().setQueryId(queryId).setQuery(new EntityStateQuery(List.of(entityId))).build());
        return client.awaitFirst(QueryResult.class, r -> r.getQueryId() == queryId).getEntities().size() == 1;
    }

    private static PresenceKind lastPresenceOf(RawLivelink client, String clientId) {
        List<Presence> about = client.all(Presence.class).stream().filter(p -> p.getClientId().equals(clientId))
                .toList();
        return about.isEmpty() ? null : about.get(about.size() - 1).getKind();
    }

    private static RawLivelink connect() {
        return RawLivelink.connect(platform.bridge().livelinkUri());
    }
}
