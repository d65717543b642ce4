package io.scenelog.app.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Every failed request of a run: non-2xx answers by phase and status, and requests that got no answer (timeouts,
 * refused connections) by exception, warm-up included, each with the first response body or message. Errors are
 * reported beside the figures, never dropped: a fast API that answers 429 or 503 is not a fast API.
 */
final class ErrorTally {

    /** The longest body kept as a sample. */
    private static final int SAMPLE_CHARS = 400;

    private final Map<String, Kind> kinds = new ConcurrentSkipListMap<>();

    /** A non-2xx answer. */
    void status(String phase, boolean measured, int status, String body) {
        record(phase, measured, "HTTP " + status, body);
    }

    /** A request that got no answer. */
    void failure(String phase, boolean measured, Exception error) {
        record(phase, measured, error.getClass().getSimpleName(), String.valueOf(error.getMessage()));
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

    private void record(String phase, boolean measured, String what, String sample) {
        Kind kind = kinds.computeIfAbsent(key(phase, measured, what), k -> new Kind());
        kind.count.increment();
        String text = sample == null ? "" : sample.replaceAll("\\s+", " ").trim();
        kind.sample.compareAndSet(null, text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) + "..." : text);
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
