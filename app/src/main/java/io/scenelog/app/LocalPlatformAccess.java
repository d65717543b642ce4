package io.scenelog.app;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The platform exactly as {@code scenelog up} runs it (broker process, catalogue, edge, pipeline, bridge with the
 * viewer page, a render node with one renderer process per session), for benchmarks in other packages: every port
 * is a free one of 127.0.0.1 and the data lives in the directory given.
 */
public final class LocalPlatformAccess implements AutoCloseable {

    private static final String HOST = "127.0.0.1";
    private static final String BROKER_HEAP = "512m";

    private final LocalPlatform platform;

    private LocalPlatformAccess(LocalPlatform platform) {
        this.platform = platform;
    }

    /**
     * Starts every part, or stops what had started and rethrows.
     *
     * @param dataDirectory  where all data lives (a fresh directory, so that the first admin key is created)
     * @param commitInterval platform-streams' commit interval ({@code up --commit-interval-ms})
     * @param renderCapacity sessions the render node renders at once ({@code up --render-capacity})
     */
    public static LocalPlatformAccess start(Path dataDirectory, Duration commitInterval, int renderCapacity) {
        return new LocalPlatformAccess(LocalPlatform.start(new UpSettings(dataDirectory, HOST, 0, 0, 0, 0,
                BROKER_HEAP, commitInterval, renderCapacity)));
    }

    /** The REST API's base URL, ending in a slash. */
    public String apiUrl() {
        return platform.apiUrl();
    }

    /** The bridge's base URL (the viewer page), ending in a slash. */
    public String viewerUrl() {
        return platform.viewerUrl();
    }

    /** The broker's bootstrap servers. */
    public String bootstrapServers() {
        return platform.bootstrapServers();
    }

    /** The schema registry's URL (the edge), without a trailing slash. */
    public String registryUrl() {
        return platform.registryUrl();
    }

    /** The bridge's Livelink WebSocket URL. */
    public String livelinkUrl() {
        return platform.livelinkUrl();
    }

    /** The pipeline's state queries ({@code host:port}), or why there are none. */
    public String streamsQueryAddress() {
        return platform.streamsQueryAddress();
    }

    /** The admin API key this start created; fails when the data directory had been used before. */
    public String adminKey() {
        return platform.firstAdminKey().orElseThrow(() -> new IllegalStateException(
                "The platform's data directory was used before, so no admin API key was created: use a fresh one"));
    }

    @Override
    public void close() {
        platform.close();
    }
}
