package io.scenelog.app.bench.sessions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The machine's CPU time so far, from Linux's {@code /proc/stat}: busy and total ticks over all cores. Two readings
 * give the load in between, whoever used it (the platform's JVM, the broker, every renderer process). The JVM's own
 * {@code OperatingSystemMXBean.getCpuLoad()} is not used: it measures since its previous call, which the render
 * node's heartbeats in this JVM also make.
 *
 * @param busy  ticks not idle and not waiting for I/O
 * @param total all ticks
 */
record CpuTicks(long busy, long total) {

    private static final Path PROC_STAT = Path.of("/proc/stat");

    /** Now, or empty where there is no {@code /proc/stat} (not Linux). */
    static Optional<CpuTicks> now() {
        try {
            List<String> lines = Files.readAllLines(PROC_STAT);
            return lines.isEmpty() ? Optional.empty() : Optional.of(parse(lines.get(0)));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Reads the aggregate line, {@code cpu  user nice system idle iowait irq softirq steal ...}.
     *
     * @throws IllegalArgumentException when the line is not that
     */
    static CpuTicks parse(String line) {
        String[] fields = line.trim().split("\\s+");
        if (fields.length < 5 || !fields[0].equals("cpu")) {
            throw new IllegalArgumentException("Not the aggregate cpu line of /proc/stat: '" + line + "'");
        }
        long total = 0;
        long idle = 0;
        // guest and guest_nice (fields 9, 10) are already counted in user and nice
        for (int i = 1; i < Math.min(fields.length, 9); i++) {
            long ticks = Long.parseLong(fields[i]);
            total += ticks;
            if (i == 4 || i == 5) {
                idle += ticks;
            }
        }
        return new CpuTicks(total - idle, total);
    }

    /** The load from {@code earlier} to this reading, 0 to 1 (all cores busy); empty when no tick passed. */
    OptionalDouble loadSince(CpuTicks earlier) {
        long ticks = total - earlier.total;
        return ticks <= 0 ? OptionalDouble.empty()
                : OptionalDouble.of(Math.max(0, Math.min(1, (busy - earlier.busy) / (double) ticks)));
    }

    /** The load between two optional readings. */
    static OptionalDouble load(Optional<CpuTicks> start, Optional<CpuTicks> end) {
        return start.isPresent() && end.isPresent() ? end.get().loadSince(start.get()) : OptionalDouble.empty();
    }
}
