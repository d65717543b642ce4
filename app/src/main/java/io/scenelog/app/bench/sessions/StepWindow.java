package io.scenelog.app.bench.sessions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * How one step is measured, the same way for sessions and for bare loops: every stream's first frame, then the
 * warm-up (renderer JIT, encoder rate control, the other streams starting), then the window in which each stream's
 * arrivals are counted, with the machine's CPU load over it.
 *
 * @param warmup            how long all streams run before the window
 * @param window            how long arrivals are counted
 * @param firstFrameTimeout how long each stream may take to its first frame
 */
record StepWindow(Duration warmup, Duration window, Duration firstFrameTimeout) {

    /**
     * The machine's CPU load over one window with no stream at all: what the colocated platform costs by itself (and
     * whatever else the machine runs), to read the steps' loads against. The caller warms the platform up first.
     */
    OptionalDouble idleLoad() throws InterruptedException {
        Optional<CpuTicks> start = CpuTicks.now();
        TimeUnit.NANOSECONDS.sleep(window.toNanos());
        return CpuTicks.load(start, CpuTicks.now());
    }

    /**
     * Measures the streams.
     *
     * @param why what to say about stream {@code i} when it never started (e.g. its bridge's last status)
     */
    StepResult measure(List<FrameTimes> streams, IntFunction<String> why) throws InterruptedException {
        long deadline = System.nanoTime() + firstFrameTimeout.toNanos();
        for (int i = 0; i < streams.size(); i++) {
            if (!streams.get(i).awaitCount(1, deadline)) {
                return StepResult.failed(streams.size(), "stream " + (i + 1) + " of " + streams.size()
                        + " had no frame within " + firstFrameTimeout.toSeconds() + " s: " + why.apply(i));
            }
        }
        // This is the benchmark's clock, not a test's: the streams run on their own threads and processes meanwhile.
        TimeUnit.NANOSECONDS.sleep(warmup.toNanos());
        Optional<CpuTicks> cpuStart = CpuTicks.now();
        long start = System.nanoTime();
        TimeUnit.NANOSECONDS.sleep(window.toNanos());
        long end = System.nanoTime();
        OptionalDouble load = CpuTicks.load(cpuStart, CpuTicks.now());
        List<Double> fps = new ArrayList<>();
        for (FrameTimes stream : streams) {
            fps.add(stream.framesPerSecond(start, end));
        }
        return StepResult.measured(fps, load);
    }
}
