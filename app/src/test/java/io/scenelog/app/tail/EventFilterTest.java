package io.scenelog.app.tail;

import static io.scenelog.app.support.SampleEvents.at;
import static io.scenelog.app.support.SampleEvents.change;
import static io.scenelog.app.support.SampleEvents.event;
import static io.scenelog.app.support.SampleEvents.transform;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scenelog.model.EntityChangeKind;
import io.scenelog.model.SceneEvent;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventFilterTest {

    private static final UUID SCENE = UUID.randomUUID();
    private static final UUID FIRST = UUID.randomUUID();
    private static final UUID SECOND = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2025-01-31T12:00:00Z");

    private final SceneEvent twoEntities = event(SCENE, 5, "sim-1", NOW, List.of(
            change(FIRST, EntityChangeKind.UPDATED, 2, transform(at(1, 0, 0))),
            change(SECOND, EntityChangeKind.UPDATED, 4, transform(at(2, 0, 0)))));

    private static TailSettings settings(Optional<UUID> scene, Optional<UUID> entity, Optional<String> client,
            StartPosition start) {
        return new TailSettings("127.0.0.1:9092", URI.create("http://127.0.0.1:8080"), scene, entity, client, start,
                OptionalLong.empty(), Optional.empty());
    }

    @Test
    void shouldNarrowAnEventToTheChangesOfTheEntity() {
        // given
        EventFilter filter = new EventFilter(settings(Optional.empty(), Optional.of(SECOND), Optional.empty(),
                new StartPosition.Live()));

        // when
        Optional<SceneEvent> shown = filter.apply(twoEntities);

        // then
        assertThat(shown).isPresent();
        assertThat(shown.get().getChanges()).hasSize(1);
        assertThat(shown.get().getChanges().get(0).getEntityId()).isEqualTo(SECOND);
        assertThat(shown.get().getVersion()).isEqualTo(5);
    }

    @Test
    void shouldDropEventsThatDoNotChangeTheEntity() {
        // given
        EventFilter filter = new EventFilter(settings(Optional.empty(), Optional.of(UUID.randomUUID()),
                Optional.empty(), new StartPosition.Live()));

        // when / then
        assertThat(filter.apply(twoEntities)).isEmpty();
    }

    @Test
    void shouldDropEventsOfOtherScenesAndClients() {
        // given
        EventFilter otherScene = new EventFilter(settings(Optional.of(UUID.randomUUID()), Optional.empty(),
                Optional.empty(), new StartPosition.Beginning()));
        EventFilter otherClient = new EventFilter(settings(Optional.empty(), Optional.empty(),
                Optional.of("sim-2"), new StartPosition.Beginning()));
        EventFilter sameClient = new EventFilter(settings(Optional.of(SCENE), Optional.empty(),
                Optional.of("sim-1"), new StartPosition.Beginning()));

        // when / then
        assertThat(otherScene.apply(twoEntities)).isEmpty();
        assertThat(otherClient.apply(twoEntities)).isEmpty();
        assertThat(sameClient.apply(twoEntities)).contains(twoEntities);
    }

    @Test
    void shouldDropEventsBeforeTheStartVersionAndTime() {
        // given
        EventFilter fromVersion6 = new EventFilter(settings(Optional.of(SCENE), Optional.empty(), Optional.empty(),
                new StartPosition.FromVersion(6)));
        EventFilter fromLater = new EventFilter(settings(Optional.empty(), Optional.empty(), Optional.empty(),
                new StartPosition.FromTime(NOW.plusMillis(1))));
        EventFilter fromNow = new EventFilter(settings(Optional.empty(), Optional.empty(), Optional.empty(),
                new StartPosition.FromTime(NOW)));

        // when / then
        assertThat(fromVersion6.apply(twoEntities)).isEmpty();
        assertThat(fromLater.apply(twoEntities)).isEmpty();
        assertThat(fromNow.apply(twoEntities)).isPresent();
    }

    @Test
    void shouldRefuseAStartVersionWithoutAScene() {
        // when / then
        assertThatThrownBy(() -> settings(Optional.empty(), Optional.empty(), Optional.empty(),
                new StartPosition.FromVersion(3)))
                .hasMessageContaining("--from-version needs --scene");
    }
}
