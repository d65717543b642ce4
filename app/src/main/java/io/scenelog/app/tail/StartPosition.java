package io.scenelog.app.tail;

import java.time.Instant;

/** Where {@code tail} starts reading the commit log. */
public sealed interface StartPosition {

    /** Only events committed after the tail started (the default). */
    record Live() implements StartPosition {
    }

    /** Every event still retained. */
    record Beginning() implements StartPosition {
    }

    /**
     * Events of one scene from a scene version on (needs {@code --scene}: versions are per scene).
     *
     * @param version the first version printed, at least 1
     */
    record FromVersion(long version) implements StartPosition {

        /** @throws IllegalArgumentException when the version is below 1 */
        public FromVersion {
            if (version < 1) {
                throw new IllegalArgumentException("--from-version " + version + " is not a scene version: "
                        + "versions start at 1");
            }
        }
    }

    /**
     * Events committed at or after an instant (by their {@code committedAt}).
     *
     * @param time the earliest commit time printed
     */
    record FromTime(Instant time) implements StartPosition {
    }
}
