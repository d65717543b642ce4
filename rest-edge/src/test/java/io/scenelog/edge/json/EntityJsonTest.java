package io.scenelog.edge.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scenelog.model.Components;
import io.scenelog.model.EntityState;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EntityJsonTest {

    @Test
    void shouldWriteTheEntityBodyOfTheRestContract() {
        // given
        UUID scene = UUID.fromString("11111111-2222-4333-8444-555555555555");
        UUID entity = UUID.fromString("66666666-7777-4888-9999-aaaaaaaaaaaa");
        EntityState state = EntityState.newBuilder()
                .setSceneId(scene)
                .setEntityId(entity)
                .setSessionId(null)
                .setVersion(3)
                .setSceneVersion(42)
                .setComponents(Components.newBuilder().setName("Box").setVisible(true).build())
                .setUpdatedAt(Instant.parse("2026-03-01T10:15:30.123Z"))
                .build();

        // when
        ObjectNode json = EntityJson.write(state);

        // then
        assertThat(Json.parse(json.toString())).isEqualTo(Json.parse("{'id': '66666666-7777-4888-9999-aaaaaaaaaaaa',"
                + " 'sceneId': '11111111-2222-4333-8444-555555555555', 'version': 3, 'sceneVersion': 42,"
                + " 'updatedAt': '2026-03-01T10:15:30.123Z', 'components': {'name': 'Box', 'visible': true}}"));
    }
}
