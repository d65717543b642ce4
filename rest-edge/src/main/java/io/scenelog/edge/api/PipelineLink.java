package io.scenelog.edge.api;

import io.scenelog.streams.query.SceneStateQueries;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * How the edge reaches the commit pipeline's state: its state queries (in the same process under {@code up}, over
 * HTTP in a cluster) and, when the pipeline runs in this process, its state for the readiness check. Attached after
 * the edge starts, because the pipeline needs the edge's schema registry to start.
 */
public final class PipelineLink {

    private final AtomicReference<SceneStateQueries> queries = new AtomicReference<>();
    private final AtomicReference<Supplier<String>> localState = new AtomicReference<>();

    /** Sets the state queries (replacing earlier ones). */
    public void attachQueries(SceneStateQueries value) {
        queries.set(value);
    }

    /**
     * Reports the state of a pipeline running in this process (e.g. "RUNNING", "REBALANCING").
     *
     * @param state the pipeline's Kafka Streams state, asked at each health check
     */
    public void attachLocalPipeline(Supplier<String> state) {
        localState.set(state);
    }

    /** The state queries, once attached. */
    public Optional<SceneStateQueries> queries() {
        return Optional.ofNullable(queries.get());
    }

    /** The in-process pipeline's state, or empty when it runs elsewhere. */
    public Optional<String> localPipelineState() {
        Supplier<String> state = localState.get();
        return state == null ? Optional.empty() : Optional.ofNullable(state.get());
    }
}
