package io.scenelog.bridge.internal.presence;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenelog.livelink.Presence;
import io.scenelog.livelink.PresenceKind;
import io.scenelog.model.Camera;
import io.scenelog.model.Components;
import io.scenelog.model.Emitter;
import io.scenelog.model.EntityChange;
import io.scenelog.model.EntityChangeKind;
import io.scenelog.model.EntityState;
import io.scenelog.model.Quat;
import io.scenelog.model.Role;
import io.scenelog.model.SceneEvent;
import io.scenelog.model.Transform;
import io.scenelog.model.Vec3;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PresenceViewTest {

    private static final UUID SCENE = UUID.randomUUID();
    private static final UUID SESSION = UUID.randomUUID();
    private static final Instant NOW = Instant.EPOCH;
    private static final PresenceView.Member VIEWER = new PresenceView.Member(Role.VIEWER, false);
    private static final Map<String, PresenceView.Member> MEMBERS = Map.of("me", VIEWER, "ann",
            new PresenceView.Member(Role.EDITOR, false), "bot", new PresenceView.Member(Role.EDITOR, true));

    @Test
    void shouldListTheReceiverFirstThenTheOthersPresent() {
        // given
        PresenceView view = new PresenceView();

        // when
        List<Presence> present = view.present(SESSION, "me", "Me", VIEWER, List.of(state("ann", "Ann")),
                PresenceViewTest::member, NOW);

        // then
        assertThat(present).extracting(Presence::getClientId).containsExactly("me", "ann");
        assertThat(present).allMatch(p -> p.getKind() == PresenceKind.PRESENT);
        assertThat(present.get(1).getDisplayName()).isEqualTo("Ann");
        assertThat(present.get(1).getCamera().getEntityId()).isEqualTo(PresenceEntities.entityId(SESSION, "ann"));
    }

    @Test
    void shouldAnnounceAJoinOnceAndItsCameraMoves() {
        // given
        PresenceView view = new PresenceView();
        view.present(SESSION, "me", "", VIEWER, List.of(), PresenceViewTest::member, NOW);
        SceneEvent created = event("ann", created("ann", "ann"));

        // when
        List<Presence> joined = view.onEvent(created, PresenceViewTest::member, NOW);
        List<Presence> again = view.onEvent(created, PresenceViewTest::member, NOW);
        List<Presence> moved = view.onEvent(event("ann", moved("ann", 5.0)), PresenceViewTest::member, NOW);

        // then
        assertThat(joined).extracting(Presence::getKind).containsExactly(PresenceKind.JOINED);
        assertThat(joined.get(0).getDisplayName()).isEmpty();
        assertThat(again).isEmpty();
        assertThat(moved).extracting(Presence::getKind).containsExactly(PresenceKind.CAMERA);
        assertThat(moved.get(0).getCamera().getTransform().getPosition().getX()).isEqualTo(5.0);
    }

    @Test
    void shouldShowNoCameraForAHeadlessClient() {
        // given
        PresenceView view = new PresenceView();

        // when
        List<Presence> joined = view.onEvent(event("bot", created("bot", "bot")), PresenceViewTest::member, NOW);
        List<Presence> moved = view.onEvent(event("bot", moved("bot", 1.0)), PresenceViewTest::member, NOW);

        // then
        assertThat(joined.get(0).getHeadless()).isTrue();
        assertThat(joined.get(0).getCamera()).isNull();
        assertThat(moved).isEmpty();
    }

    @Test
    void shouldAnnounceALeaveOnDeletionOrWhenTheSessionNoLongerListsTheClient() {
        // given
        PresenceView view = new PresenceView();
        view.present(SESSION, "me", "", VIEWER, List.of(state("ann", "ann"), state("bot", "bot")),
                PresenceViewTest::member, NOW);
        EntityChange deleted = new EntityChange(PresenceEntities.entityId(SESSION, "ann"), EntityChangeKind.DELETED,
                2L, new Components(), List.of());

        // when
        List<Presence> annLeft = view.onEvent(event("ann", deleted), PresenceViewTest::member, NOW);
        List<Presence> botLeft = view.onMembers(Set.of("me"), "me", NOW);

        // then
        assertThat(annLeft).extracting(Presence::getKind, Presence::getClientId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(PresenceKind.LEFT, "ann"));
        assertThat(botLeft).extracting(Presence::getClientId).containsExactly("bot");
        assertThat(view.knows("me")).isTrue();
    }

    @Test
    void shouldNotTakeAnotherMembersTaggedEntityForItsPresence() {
        // given: ann is present; "me" creates entities tagged as ann's and bot's presence, under other ids
        PresenceView view = new PresenceView();
        view.present(SESSION, "me", "", VIEWER, List.of(state("ann", "Ann")), PresenceViewTest::member, NOW);
        UUID fakeAnn = UUID.randomUUID();
        UUID fakeBot = UUID.randomUUID();

        // when: it creates, moves and deletes them
        List<Presence> frames = new ArrayList<>();
        frames.addAll(view.onEvent(event("me", new EntityChange(fakeAnn, EntityChangeKind.CREATED, 1L,
                components("ann", "Not Ann"), List.of())), PresenceViewTest::member, NOW));
        frames.addAll(view.onEvent(event("me", new EntityChange(fakeBot, EntityChangeKind.CREATED, 1L,
                components("bot", "Not Bot"), List.of())), PresenceViewTest::member, NOW));
        frames.addAll(view.onEvent(event("me", new EntityChange(fakeAnn, EntityChangeKind.UPDATED, 2L,
                moved("ann", 9.0).getComponents(), List.of())), PresenceViewTest::member, NOW));
        frames.addAll(view.onEvent(event("me", new EntityChange(fakeAnn, EntityChangeKind.DELETED, 3L,
                new Components(), List.of())), PresenceViewTest::member, NOW));

        // then: nobody joined, moved or left
        assertThat(frames).isEmpty();
        assertThat(view.knows("ann")).isTrue();
        assertThat(view.knows("bot")).isFalse();
    }

    @Test
    void shouldNotAnnounceAPresenceEntityAnotherClientCreated() {
        // given
        PresenceView view = new PresenceView();

        // when: "me" creates the entity with bot's presence id
        List<Presence> frames = view.onEvent(event("me", created("bot", "bot")), PresenceViewTest::member, NOW);

        // then
        assertThat(frames).isEmpty();
        assertThat(view.knows("bot")).isFalse();
    }

    @Test
    void shouldListOnlyPresenceEntitiesWithTheirClientsIdAsPresent() {
        // given: an overlay entity tagged as bot's presence, under another id
        PresenceView view = new PresenceView();
        EntityState impostor = new EntityState(SCENE, UUID.randomUUID(), SESSION, 1L, 1L,
                components("bot", "Not Bot"), NOW);

        // when
        List<Presence> present = view.present(SESSION, "me", "", VIEWER, List.of(impostor, state("ann", "Ann")),
                PresenceViewTest::member, NOW);

        // then
        assertThat(present).extracting(Presence::getClientId).containsExactly("me", "ann");
    }

    private static Optional<PresenceView.Member> member(String client) {
        return Optional.ofNullable(MEMBERS.get(client));
    }

    private static EntityState state(String client, String name) {
        return new EntityState(SCENE, PresenceEntities.entityId(SESSION, client), SESSION, 1L, 1L,
                components(client, name), NOW);
    }

    private static EntityChange created(String client, String name) {
        return new EntityChange(PresenceEntities.entityId(SESSION, client), EntityChangeKind.CREATED, 1L,
                components(client, name), List.of());
    }

    private static EntityChange moved(String client, double x) {
        return new EntityChange(PresenceEntities.entityId(SESSION, client), EntityChangeKind.UPDATED, 2L,
                Components.newBuilder().setTransform(new Transform(new Vec3(x, 0.0, 0.0), new Quat(0.0, 0.0, 0.0, 1.0),
                        new Vec3(1.0, 1.0, 1.0))).build(), List.of());
    }

    private static Components components(String client, String name) {
        return Components.newBuilder().setName(name)
                .setTags(List.of(PresenceEntities.TAG, PresenceEntities.CLIENT_TAG_PREFIX + client))
                .setCamera(new Camera(60f, 0.1f, 1000f, client)).setTransform(PresenceEntities.defaultTransform())
                .build();
    }

    private static SceneEvent event(String emitter, EntityChange change) {
        return SceneEvent.newBuilder().setSceneId(SCENE).setVersion(1).setActionId(UUID.randomUUID())
                .setEmitter(new Emitter(emitter, Role.VIEWER, SESSION)).setPersisted(false).setCommittedAt(NOW)
                .setChanges(List.of(change)).build();
    }
}
