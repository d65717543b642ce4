package io.scenelog.app.bench;

/**
 * One closed-loop phase of the REST benchmark.
 *
 * @param throughput successful requests (2xx) in the timed window
 * @param latency    their round trips
 * @param errors     failed requests in the timed window (non-2xx answers and requests without an answer)
 */
record PhaseResult(Throughput throughput, Percentiles latency, long errors) {
}
