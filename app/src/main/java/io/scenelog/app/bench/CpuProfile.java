package io.scenelog.app.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where a phase's CPU went, by thread group (thread names with their numbers and ids blanked: every HttpClient
 * worker is one group, the bridge's feed thread another). Everything runs in the benchmark's JVM, so this is a
 * profile of the whole platform and its clients: it says which part saturates the machine's cores.
 */
final class CpuProfile {

    /** Groups listed in reports. */
    private static final int TOP = 6;
    private static final String UUID_PATTERN = "[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}";

    /**
     * One thread group's share.
     *
     * @param threads the group's normalised thread name
     * @param cores   CPU time over wall time: 1.0 is one core busy all along
     */
    record Share(String threads, double cores) {
    }

    /**
     * A phase's CPU use.
     *
     * @param total every thread's CPU time over wall time
     * @param top   the busiest groups, busiest first
     */
    record Usage(double total, List<Share> top) {

        Usage {
            top = List.copyOf(top);
        }

        /** One line, e.g. "1.9 cores: scenelog-bridge-feed 0.95, HttpClient-#-Worker-# 0.60, ...". */
        String line() {
            return String.format(Locale.ROOT, "%.2f cores: ", total) + top.stream()
                    .map(share -> String.format(Locale.ROOT, "%s %.2f", share.threads(), share.cores()))
                    .collect(Collectors.joining(", "));
        }
    }

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> startCpu = new HashMap<>();
    private final long startNanos;

    private CpuProfile() {
        for (long id : threads.getAllThreadIds()) {
            startCpu.put(id, Math.max(0, threads.getThreadCpuTime(id)));
        }
        startNanos = System.nanoTime();
    }

    /** Starts measuring now. */
    static CpuProfile start() {
        return new CpuProfile();
    }

    /** The CPU used since the start, by the threads alive now (threads that ended meanwhile are not counted). */
    Usage stop() {
        double wall = Math.max(1, System.nanoTime() - startNanos);
        Map<String, Long> byGroup = new HashMap<>();
        long all = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = threads.getThreadCpuTime(info.getThreadId());
            if (cpu < 0) {
                continue;
            }
            long used = cpu - startCpu.getOrDefault(info.getThreadId(), 0L);
            all += used;
            byGroup.merge(group(info.getThreadName()), used, Long::sum);
        }
        List<Share> shares = new ArrayList<>();
        byGroup.forEach((group, cpu) -> shares.add(new Share(group, cpu / wall)));
        shares.sort(Comparator.comparingDouble(Share::cores).reversed());
        return new Usage(all / wall, shares.subList(0, Math.min(TOP, shares.size())));
    }

    /** A thread's group: its name with ids and numbers blanked. */
    static String group(String threadName) {
        return threadName.replaceAll(UUID_PATTERN, "*").replaceAll("\\d+", "#");
    }
}
