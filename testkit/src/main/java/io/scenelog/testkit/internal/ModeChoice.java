package io.scenelog.testkit.internal;

import io.scenelog.testkit.SharedKafka;
import io.scenelog.testkit.SharedKafka.Mode;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.testcontainers.DockerClientFactory;

/**
 * The broker kind chosen for the shared Kafka and why, in words for the log.
 *
 * @param mode   the chosen kind
 * @param reason why it was chosen
 */
public record ModeChoice(Mode mode, String reason) {

    /**
     * @param requested value of {@link SharedKafka#MODE_PROPERTY}, null for the default
     * @return the choice, asking Testcontainers whether a Docker engine is reachable if needed
     */
    public static ModeChoice fromSystemProperty(String requested) {
        return choose(requested, () -> DockerClientFactory.instance().isDockerAvailable());
    }

    /**
     * @param requested       value of {@link SharedKafka#MODE_PROPERTY}, null for the default
     * @param dockerAvailable asked only when the choice depends on it
     * @return the choice
     * @throws IllegalArgumentException for an unknown mode
     * @throws IllegalStateException    when Testcontainers is required but no Docker engine answers
     */
    public static ModeChoice choose(String requested, BooleanSupplier dockerAvailable) {
        String mode = requested == null || requested.isBlank()
                ? "auto" : requested.trim().toLowerCase(Locale.ROOT);
        switch (mode) {
            case "auto":
                return dockerAvailable.getAsBoolean()
                        ? new ModeChoice(Mode.TESTCONTAINERS, "auto: a Docker engine is reachable")
                        : new ModeChoice(Mode.EMBEDDED, "auto: no Docker engine is reachable");
            case "embedded":
                return new ModeChoice(Mode.EMBEDDED, SharedKafka.MODE_PROPERTY + "=embedded");
            case "testcontainers":
                if (!dockerAvailable.getAsBoolean()) {
                    throw new IllegalStateException(SharedKafka.MODE_PROPERTY + "=testcontainers, but no "
                            + "Docker engine is reachable: start one, or use -D" + SharedKafka.MODE_PROPERTY
                            + "=embedded");
                }
                return new ModeChoice(Mode.TESTCONTAINERS, SharedKafka.MODE_PROPERTY + "=testcontainers");
            default:
                throw new IllegalArgumentException("Unknown " + SharedKafka.MODE_PROPERTY + " '" + requested
                        + "': use auto, embedded or testcontainers");
        }
    }
}
