package io.scenelog.streams;

import static io.scenelog.streams.testing.Fixtures.action;
import static io.scenelog.streams.testing.Fixtures.create;
import static io.scenelog.streams.testing.Fixtures.createScene;
import static io.scenelog.streams.testing.Fixtures.cube;
import static org.assertj.core.api.Assertions.assertThat;

import io.scenelog.model.ActionResult;
import io.scenelog.model.ActionStatus;
import io.scenelog.model.ReasonCode;
import io.scenelog.model.Role;
import io.scenelog.schemas.wire.InvalidMagicByteException;
import io.scenelog.schemas.wire.UnknownSchemaIdException;
import io.scenelog.streams.internal.DeadLetters;
import io.scenelog.streams.internal.OversizedResultException;
import io.scenelog.streams.internal.UnprocessableRecordException;
import io.scenelog.streams.testing.CommitDriver;
import io.scenelog.streams.testing.Fixtures;
import io.scenelog.topics.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Poison pills go to dead-letters with where they came from and why, and the pipeline goes on. */
class DeadLetterTopologyTest {

    private final UUID scene = UUID.randomUUID();
    private CommitDriver driver;

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    private void start(TopologySettings settings) {
        driver = new CommitDriver(settings);
        driver.send(createScene(scene));
        driver.drain();
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private void assertStillCommitting() {
        ActionResult next = driver.send(action(scene, "alice", Role.EDITOR, create(UUID.randomUUID(), cube("next")))
                .build());
        assertThat(next.getStatus()).isEqualTo(ActionStatus.ACCEPTED);
        assertThat(next.getSceneVersion()).isEqualTo(1L);
    }

    /**
     * TopologyTestDriver under exactly-once never commits the transaction that holds the dead letter of a record
     * skipped at deserialisation (nothing was processed, so it sees nothing to commit); at-least-once shows the
     * handler's output. The real broker under exactly-once is covered by {@code DeadLetterIntegrationTest}.
     */
    private void startForDeserializationFailures() {
        driver = new CommitDriver(TopologySettings.forTests(Fixtures.KEY),
                Map.of(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE));
        driver.send(createScene(scene));
        driver.drain();
    }

    @Test
    void shouldDeadLetterAGarbageRecordAndKeepProcessing() {
        // given
        startForDeserializationFailures();
        byte[] garbage = "not avro".getBytes(StandardCharsets.UTF_8);

        // when
        driver.sendRaw(scene.toString().getBytes(StandardCharsets.UTF_8), garbage);

        // then
        assertThat(driver.deadLetters()).singleElement().satisfies(letter -> {
            assertThat(letter.value()).isEqualTo(garbage);
            assertThat(new String(letter.key(), StandardCharsets.UTF_8)).isEqualTo(scene.toString());
            assertThat(header(letter, DeadLetters.TOPIC)).isEqualTo(Topics.SCENE_ACTIONS.name());
            assertThat(header(letter, DeadLetters.PARTITION)).isEqualTo("0");
            assertThat(header(letter, DeadLetters.OFFSET)).isNotNull();
            assertThat(header(letter, DeadLetters.EXCEPTION)).isEqualTo(InvalidMagicByteException.class.getName());
            assertThat(header(letter, DeadLetters.STAGE)).isEqualTo("deserialization");
            assertThat(header(letter, DeadLetters.STACKTRACE)).isNotBlank();
        });
        assertThat(driver.results()).isEmpty();
        assertStillCommitting();
    }

    @Test
    void shouldDeadLetterARecordWithAnUnknownSchemaId() {
        // given: the wire format with a schema id the registry never gave out
        startForDeserializationFailures();
        byte[] unknownId = ByteBuffer.allocate(9).put((byte) 0).putInt(4242).putInt(0).array();

        // when
        driver.sendRaw(scene.toString().getBytes(StandardCharsets.UTF_8), unknownId);

        // then
        assertThat(driver.deadLetters()).singleElement().satisfies(letter -> assertThat(
                header(letter, DeadLetters.EXCEPTION)).isEqualTo(UnknownSchemaIdException.class.getName()));
        assertStillCommitting();
    }

    @Test
    void shouldDeadLetterARecordWithoutValue() {
        // given
        start(TopologySettings.forTests(Fixtures.KEY));

        // when
        driver.sendRaw(scene.toString().getBytes(StandardCharsets.UTF_8), null);

        // then
        assertThat(driver.deadLetters()).singleElement().satisfies(letter -> {
            assertThat(header(letter, DeadLetters.EXCEPTION)).isEqualTo(UnprocessableRecordException.class.getName());
            assertThat(header(letter, DeadLetters.STAGE)).isEqualTo("processing");
        });
        assertStillCommitting();
    }

    @Test
    void shouldRefuseAndDeadLetterAnActionWhoseResultIsTooLarge() {
        // given
        start(TopologySettings.forTests(Fixtures.KEY).withMaxRecordBytes(20_000));
        UUID huge = UUID.randomUUID();

        // when
        ActionResult result = driver.send(action(scene, "alice", Role.EDITOR, create(huge, cube("x".repeat(30_000))))
                .build());

        // then: the sender learns, an operator sees it, and no version is spent
        assertThat(result.getReason()).isEqualTo(ReasonCode.INVALID);
        assertThat(result.getMessage()).contains("too large");
        assertThat(driver.events()).isEmpty();
        assertThat(driver.sceneState()).isEmpty();
        assertThat(driver.deadLetters()).singleElement().satisfies(letter -> {
            assertThat(header(letter, DeadLetters.EXCEPTION)).isEqualTo(OversizedResultException.class.getName());
            assertThat(header(letter, DeadLetters.TOPIC)).isEqualTo(Topics.SCENE_ACTIONS.name());
        });
        assertStillCommitting();
    }
}
