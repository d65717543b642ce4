package io.scenelog.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scenelog.testkit.SharedKafka.Mode;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class ModeChoiceTest {

    private static final BooleanSupplier DOCKER = () -> true;
    private static final BooleanSupplier NO_DOCKER = () -> false;

    @Test
    void shouldUseTheContainerByDefaultWhenDockerIsReachable() {
        // when
        ModeChoice choice = ModeChoice.choose(null, DOCKER);

        // then
        assertThat(choice.mode()).isEqualTo(Mode.TESTCONTAINERS);
        assertThat(choice.reason()).isEqualTo("auto: a Docker engine is reachable");
    }

    @Test
    void shouldFallBackToTheEmbeddedBrokerWithoutDocker() {
        // when
        ModeChoice choice = ModeChoice.choose("auto", NO_DOCKER);

        // then
        assertThat(choice.mode()).isEqualTo(Mode.EMBEDDED);
        assertThat(choice.reason()).isEqualTo("auto: no Docker engine is reachable");
    }

    @Test
    void shouldUseTheEmbeddedBrokerWhenAskedWithoutProbingDocker() {
        // given
        BooleanSupplier mustNotBeAsked = () -> {
            throw new AssertionError("Docker probed for embedded mode");
        };

        // when
        ModeChoice choice = ModeChoice.choose(" Embedded ", mustNotBeAsked);

        // then
        assertThat(choice.mode()).isEqualTo(Mode.EMBEDDED);
    }

    @Test
    void shouldFailWhenTestcontainersIsRequiredWithoutDocker() {
        // when / then
        assertThatThrownBy(() -> ModeChoice.choose("testcontainers", NO_DOCKER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no Docker engine is reachable")
                .hasMessageContaining("-Dscenelog.test.kafka=embedded");
    }

    @Test
    void shouldNameTheAllowedModesForAnUnknownOne() {
        // when / then
        assertThatThrownBy(() -> ModeChoice.choose("docker", DOCKER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown scenelog.test.kafka 'docker': use auto, embedded or testcontainers");
    }

    @Test
    void shouldNameContainerEnvironmentVariablesTheWayTheKafkaImageReadsThem() {
        // when
        String name = ContainerSharedKafka.environmentName("transaction.state.log.min.isr");

        // then
        assertThat(name).isEqualTo("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR");
    }
}
