package io.scenelog.app.streams;

import io.scenelog.streams.PlatformStreams;
import io.scenelog.streams.StreamsSettings;
import org.apache.kafka.streams.KafkaStreams;

/** How the launcher reports a running pipeline, the same in {@code up} and {@code streams}. */
public final class StreamsSummary {

    private StreamsSummary() {
    }

    /** The "Platform streams" summary line. */
    public static String line(StreamsSettings settings, PlatformStreams platform) {
        return "  Platform streams: " + platform.state() + " (application " + settings.applicationId() + ", commit "
                + settings.commitInterval().toMillis() + " ms, state " + settings.stateDir() + ")";
    }

    /**
     * Whether the pipeline still processes: RUNNING, or REBALANCING while partitions move. Anything else
     * (PENDING_ERROR, ERROR, NOT_RUNNING) means it stopped without being asked to.
     */
    public static boolean running(PlatformStreams platform) {
        KafkaStreams.State state = platform.state();
        return state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
    }
}
