package io.scenelog.app.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Every failed call of a run by phase and kind, warm-up included, each with the first response body or message:
 * non-2xx answers by status, requests without an answer by exception, rejected or unanswered direct actions. Errors
 * are reported beside the figures, never dropped: a fast API that answers 429 or 503 is not a fast API.
 */
final class ErrorTally {

    /** The longest body kept as a sample. */
    private static final int SAMPLE_CHARS = 400;

    private final Map<String, Kind> kinds = new ConcurrentSkipListMap<>();

    /**
     * One failed call.
     *
     * @param kind   what failed, e.g. "HTTP 503" or "HttpTimeoutException"
     * @param detail the response body or the message
     */
    void record(String phase, boolean measured, String kind, String detail) {
        Kind tally = kinds.computeIfAbsent(key(phase, measured, kind), k -> new Kind());
        tally.count.increment();
        String text = detail == null ? "" : detail.replaceAll("\\s+", " ").trim();
        tally.sample.compareAndSet(null, text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) + "..." : text);
    }

    /** Errors of a phase's measured window. */
    long measured(String phase) {
        return kinds.entrySet().stream().filter(e -> e.getKey().startsWith(key(phase, true, "")))
                .mapToLong(e -> e.getValue().count.sum()).sum();
    }

    /** Errors of the whole run, warm-up included. */
    long total() {
        return kinds.values().stream().mapToLong(kind -> kind.count.sum()).sum();
    }

    /** One line per kind: where, what, how many, and the first body. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        kinds.forEach((key, kind) -> lines.add(String.format(Locale.ROOT, "%s: %d x, first: %s", key,
                kind.count.sum(), kind.sample.get())));
        return lines;
    }

    private static String key(String phase, boolean measured, String what) {
        return phase + (measured ? " (measured) " : " (warm-up) ") + what;
    }

    /** One kind of error. */
    private static final class Kind {
        private final LongAdder count = new LongAdder();
        private final AtomicReference<String> sample = new AtomicReference<>();
    }
}
