package io.scenelog.app.tail;

import static io.scenelog.app.support.SampleEvents.at;
import static io.scenelog.app.support.SampleEvents.change;
import static io.scenelog.app.support.SampleEvents.event;
import static io.scenelog.app.support.SampleEvents.transform;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scenelog.model.Components;
import io.scenelog.model.EntityChangeKind;
import io.scenelog.model.SceneEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventJsonTest {

    private static final UUID SCENE = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
    private static final UUID ENTITY = UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae7");
    private static final Instant COMMITTED = Instant.parse("2025-01-31T12:00:00Z");

    @Test
    void shouldWriteOneObjectWithTheDocumentedKeysInOrder() throws Exception {
        // given
        SceneEvent event = event(SCENE, 7, "sim-1", COMMITTED,
                List.of(change(ENTITY, EntityChangeKind.UPDATED, 3, transform(at(1.5, 0, -2)))));

        // when
        String line = EventJson.line(event);

        // then
        assertThat(line).doesNotContain("\n").startsWith("{\"sceneId\":\"" + SCENE + "\",\"version\":7,"
                + "\"actionId\":\"" + event.getActionId() + "\",\"emitter\":{\"clientId\":\"sim-1\","
                + "\"role\":\"EDITOR\",\"sessionId\":null},\"persisted\":true,"
                + "\"committedAt\":\"2025-01-31T12:00:00.000Z\",\"changes\":[{\"entityId\":\"" + ENTITY + "\","
                + "\"kind\":\"UPDATED\",\"entityVersion\":3,\"components\":{\"transform\":");
        JsonNode position = new ObjectMapper().readTree(line).at("/changes/0/components/transform/position");
        assertThat(position.get("x").asDouble()).isEqualTo(1.5);
        assertThat(position.get("z").asDouble()).isEqualTo(-2.0);
    }

    @Test
    void shouldLeaveAbsentComponentsOut() throws Exception {
        // given
        Components named = Components.newBuilder().setName("crate").setVisible(false).build();
        SceneEvent event = event(SCENE, 1, "sim-1", COMMITTED,
                List.of(change(ENTITY, EntityChangeKind.CREATED, 1, named)));

        // when
        JsonNode components = new ObjectMapper().readTree(EventJson.line(event)).at("/changes/0/components");

        // then
        assertThat(components.toString()).isEqualTo("{\"name\":\"crate\",\"visible\":false}");
    }

    @Test
    void shouldWriteCommitTimesWithMillisecondsInUtc() {
        // when
        String text = EventJson.time(Instant.parse("2025-01-31T13:14:15.120+01:00"));

        // then
        assertThat(text).isEqualTo("2025-01-31T12:14:15.120Z");
    }
}
