package io.scenelog.app.bench;

import org.HdrHistogram.Histogram;

/**
 * Latency percentiles of one run, in milliseconds.
 *
 * @param p50     median
 * @param p99     99th percentile
 * @param p999    99.9th percentile
 * @param max     the largest latency seen
 * @param samples how many latencies were recorded
 * @param missing sent records never seen by the reader
 */
record Percentiles(double p50, double p99, double p999, double max, long samples, long missing) {

    /** Reads a histogram recorded in microseconds. */
    static Percentiles of(Histogram micros, long missing) {
        return new Percentiles(micros.getValueAtPercentile(50) / 1000.0, micros.getValueAtPercentile(99) / 1000.0,
                micros.getValueAtPercentile(99.9) / 1000.0, micros.getMaxValue() / 1000.0,
                micros.getTotalCount(), missing);
    }
}
