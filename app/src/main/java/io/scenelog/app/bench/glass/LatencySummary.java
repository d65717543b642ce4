package io.scenelog.app.bench.glass;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Percentiles of a series of latencies in milliseconds, by the nearest-rank method: the p-th percentile is the
 * smallest sample with at least p % of the samples at or below it (so with 50 samples p99 is the largest).
 *
 * @param p50     median
 * @param p99     99th percentile
 * @param mean    arithmetic mean
 * @param max     the largest sample
 * @param samples how many samples there were
 */
record LatencySummary(double p50, double p99, double mean, double max, int samples) {

    /** Summarises the samples; an empty series gives NaN figures and 0 samples. */
    static LatencySummary of(Collection<Double> millis) {
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            return new LatencySummary(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
        }
        return new LatencySummary(percentile(sorted, 50), percentile(sorted, 99), Arrays.stream(sorted).average()
                .orElseThrow(), sorted[sorted.length - 1], sorted.length);
    }

    /** The nearest-rank percentile of sorted samples. */
    static double percentile(double[] sorted, double percent) {
        if (sorted.length == 0 || percent <= 0 || percent > 100) {
            throw new IllegalArgumentException("A percentile needs samples and a percent in (0, 100], not "
                    + sorted.length + " samples and " + percent);
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[rank - 1];
    }

    /** p50 over the other's p50 (NaN when either has no samples). */
    double p50Ratio(LatencySummary peer) {
        return p50 / peer.p50;
    }

    /** p99 over the other's p99. */
    double p99Ratio(LatencySummary peer) {
        return p99 / peer.p99;
    }

    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("p50Millis", finite(p50));
        json.put("p99Millis", finite(p99));
        json.put("meanMillis", finite(mean));
        json.put("maxMillis", finite(max));
        json.put("samples", samples);
        return json;
    }

    /** JSON has no NaN: a figure that could not be measured is null. */
    static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
