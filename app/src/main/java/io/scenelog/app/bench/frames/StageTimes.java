package io.scenelog.app.bench.frames;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/** Per-stage histograms of one run, in microseconds (1 µs to 60 s, 3 significant digits). */
final class StageTimes {

    private final Map<Stage, Histogram> histograms = new EnumMap<>(Stage.class);
    private long convertEncodeNanos;
    private long frames;

    StageTimes() {
        for (Stage stage : Stage.values()) {
            histograms.put(stage, new Histogram(1, TimeUnit.SECONDS.toMicros(60), 3));
        }
    }

    /** Records one frame's stages. */
    void record(long renderNanos, long readbackNanos, long convertNanos, long encodeNanos, long sendNanos) {
        put(Stage.RENDER, renderNanos);
        put(Stage.READBACK, readbackNanos);
        put(Stage.CONVERT, convertNanos);
        put(Stage.ENCODE, encodeNanos);
        put(Stage.SEND, sendNanos);
        put(Stage.TOTAL, renderNanos + readbackNanos + convertNanos + encodeNanos + sendNanos);
        convertEncodeNanos += convertNanos + encodeNanos;
        frames++;
    }

    /** The median and 99th percentile of a stage, in milliseconds. */
    StageResult result(Stage stage) {
        Histogram histogram = histograms.get(stage);
        return new StageResult(histogram.getValueAtPercentile(50) / 1000.0,
                histogram.getValueAtPercentile(99) / 1000.0, histogram.getMean() / 1000.0);
    }

    /** Our conversion and encoding per frame, the mean in nanoseconds (what the peer's total compares with). */
    long meanConvertEncodeNanos() {
        return frames == 0 ? 0 : convertEncodeNanos / frames;
    }

    private void put(Stage stage, long nanos) {
        histograms.get(stage).recordValue(Math.max(1, Math.min(TimeUnit.SECONDS.toMicros(60), nanos / 1000)));
    }

    /**
     * One stage's times.
     *
     * @param p50Millis  the median
     * @param p99Millis  the 99th percentile
     * @param meanMillis the mean
     */
    record StageResult(double p50Millis, double p99Millis, double meanMillis) {
    }
}
