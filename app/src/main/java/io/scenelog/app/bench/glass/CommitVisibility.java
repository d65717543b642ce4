package io.scenelog.app.bench.glass;

import io.scenelog.app.bench.RecordWatch;
import io.scenelog.app.kafka.ClientConfigs;
import io.scenelog.model.SceneEvent;
import io.scenelog.topics.Topics;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each of the benchmark scene's events became visible to a {@code read_committed} reader, measured from the
 * event's own {@code committedAt} (the pipeline's clock, the same machine's): the commit pipeline's transaction made
 * visible, the point between "processed by the pipeline" and "arrived at the page" that tells the two apart.
 */
final class CommitVisibility implements AutoCloseable {

    private final String sceneId;
    private final Map<Long, Double> afterCommit = new ConcurrentHashMap<>();
    private final RecordWatch<SceneEvent> watch;

    /** Starts reading at the end of {@code scene-events} now, before the browser makes any edit. */
    CommitVisibility(String bootstrapServers, URI registryUrl, String sceneId) {
        this.sceneId = sceneId;
        this.watch = new RecordWatch<>(bootstrapServers, ClientConfigs.registry(registryUrl), Topics.SCENE_EVENTS,
                this::seen);
    }

    /** How long after its committedAt the reader saw the version's event; NaN if it did not. */
    double millisAfterCommit(long version) {
        watch.rethrowFailure();
        return afterCommit.getOrDefault(version, Double.NaN);
    }

    private void seen(SceneEvent event, long seenNanos) {
        if (!sceneId.equals(event.getSceneId().toString())) {
            return;
        }
        // The watch hands over the poll's nanoTime; the wall clock at that instant is what committedAt compares with.
        double seenWallMillis = System.currentTimeMillis() - (System.nanoTime() - seenNanos) / 1e6;
        afterCommit.put(event.getVersion(), seenWallMillis - event.getCommittedAt().toEpochMilli());
    }

    @Override
    public void close() {
        watch.close();
    }
}
