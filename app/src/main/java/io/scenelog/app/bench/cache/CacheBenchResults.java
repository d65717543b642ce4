package io.scenelog.app.bench.cache;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What the cache benchmark measured; times are medians over the rounds, in milliseconds.
 *
 * @param sizeBytes the asset's size
 * @param directMillis a renderer downloading the asset straight from the platform (no node cache): the peer of cold
 * @param coldMillis a renderer getting it through an empty node cache (fetch, verify, publish, read)
 * @param firstOpenMillis a renderer process opening it from a warm cache for the first time (hashes it in full)
 * @param warmMillis a renderer reading it again from the warm cache (open and read)
 * @param plainMillis reading the same bytes from a plain file (the peer of warm)
 * @param readers concurrent readers on a cold cache
 * @param concurrentMillis until the last of them had read the whole asset
 * @param upstreamBytes bytes the node fetched from the platform for them
 * @param readersVerified readers whose bytes hashed to the asset's sha-256
 */
record CacheBenchResults(long sizeBytes, double directMillis, double coldMillis, double firstOpenMillis,
                         double warmMillis, double plainMillis, int readers, double concurrentMillis,
                         long upstreamBytes, int readersVerified) {

    /** The goal for {@link #warmToPlainRatio()}. */
    static final double WARM_GOAL = 0.8;

    double warmToPlainRatio() {
        return plainMillis / warmMillis;
    }

    double megabytesPerSecond(double millis) {
        return sizeBytes / 1e6 / (millis / 1000.0);
    }

    boolean oneCopyFetched() {
        return upstreamBytes == sizeBytes;
    }

    String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "node cache, %.1f MB asset%n", sizeBytes / 1e6));
        row(out, "direct from the platform (peer)", directMillis);
        row(out, "cold, through the node cache", coldMillis);
        row(out, "warm, first open by a process", firstOpenMillis);
        row(out, "warm, node cache", warmMillis);
        row(out, "plain file read (peer)", plainMillis);
        out.append(String.format(Locale.ROOT, "warm / plain throughput ratio   %.2f (goal >= %.1f: %s)%n",
                warmToPlainRatio(), WARM_GOAL, warmToPlainRatio() >= WARM_GOAL ? "met" : "NOT met"));
        out.append(String.format(Locale.ROOT, "%d readers on a cold cache      %.1f ms, upstream bytes %d = %.2f copies"
                        + " (%s), %d of %d verified%n", readers, concurrentMillis, upstreamBytes,
                (double) upstreamBytes / sizeBytes, oneCopyFetched() ? "one copy" : "NOT one copy", readersVerified,
                readers));
        return out.toString();
    }

    private void row(StringBuilder out, String label, double millis) {
        out.append(String.format(Locale.ROOT, "%-32s%9.1f ms %9.1f MB/s%n", label, millis,
                megabytesPerSecond(millis)));
    }

    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Node cache, one %.1f MB asset (medians):%n%n", sizeBytes / 1e6));
        out.append("| how a renderer gets it | time | throughput |\n|---|---:|---:|\n");
        mdRow(out, "straight from the platform (peer of cold)", directMillis);
        mdRow(out, "cold, through the node cache", coldMillis);
        mdRow(out, "warm, first open by a new process (full hash)", firstOpenMillis);
        mdRow(out, "warm, node cache", warmMillis);
        mdRow(out, "plain file read (peer of warm)", plainMillis);
        out.append(String.format(Locale.ROOT, "%nWarm / plain throughput: **%.2f** (goal ≥ %.1f). %d readers at"
                        + " once on a cold cache: %.1f ms, upstream bytes fetched **%.2f copies** (%d of %d readers"
                        + " verified).%n",
                warmToPlainRatio(), WARM_GOAL, readers, concurrentMillis, (double) upstreamBytes / sizeBytes,
                readersVerified, readers));
        return out.toString();
    }

    private void mdRow(StringBuilder out, String label, double millis) {
        out.append(String.format(Locale.ROOT, "| %s | %.1f ms | %.1f MB/s |%n", label, millis,
                megabytesPerSecond(millis)));
    }

    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("sizeBytes", sizeBytes);
        json.put("directMillis", directMillis);
        json.put("coldMillis", coldMillis);
        json.put("firstOpenMillis", firstOpenMillis);
        json.put("warmMillis", warmMillis);
        json.put("plainMillis", plainMillis);
        json.put("warmToPlainRatio", warmToPlainRatio());
        json.put("warmGoalMet", warmToPlainRatio() >= WARM_GOAL);
        json.put("readers", readers);
        json.put("concurrentMillis", concurrentMillis);
        json.put("upstreamBytes", upstreamBytes);
        json.put("upstreamCopies", (double) upstreamBytes / sizeBytes);
        json.put("readersVerified", readersVerified);
        return json;
    }
}
