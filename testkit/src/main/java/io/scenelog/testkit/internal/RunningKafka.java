package io.scenelog.testkit.internal;

import io.scenelog.testkit.SharedKafka.Mode;

/** A started shared broker of either kind. */
public interface RunningKafka extends AutoCloseable {

    /**
     * @param mode  which kind to start
     * @param image container image for {@link Mode#TESTCONTAINERS}, null for the default
     * @return the started broker, ready for clients
     */
    static RunningKafka start(Mode mode, String image) {
        return mode == Mode.EMBEDDED ? EmbeddedSharedKafka.start() : ContainerSharedKafka.start(image);
    }

    /** @return which kind this is */
    Mode mode();

    /** @return the client address */
    String bootstrapServers();

    /** Stops the broker and removes its data. */
    @Override
    void close();
}
