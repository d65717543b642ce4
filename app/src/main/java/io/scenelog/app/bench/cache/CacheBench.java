package io.scenelog.app.bench.cache;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scenelog.app.bench.BenchFiles;
import io.scenelog.nodecache.AssetCache;
import io.scenelog.nodecache.CacheScope;
import io.scenelog.nodecache.CachedBlob;
import io.scenelog.nodecache.NodeCache;
import io.scenelog.nodecache.NodeCacheSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Measures the node cache against the real platform (embedded broker and REST edge in this JVM): one asset cold
 * and warm, each beside its peer (a direct download; a plain read of the file the cache serves), and many readers at
 * once on a cold cache, each with its own cache instance on one directory as renderer processes of a node have.
 */
final class CacheBench {

    private static final int BUFFER = 256 * 1024;
    private static final long READER_DEADLINE_MINUTES = 10;

    private final CacheBenchSettings settings;
    private final PrintWriter progress;

    CacheBench(CacheBenchSettings settings, PrintWriter progress) {
        this.settings = settings;
        this.progress = progress;
    }

    CacheBenchResults run() throws Exception {
        Path work = Files.createTempDirectory("scenelog-bench-cache-");
        try (CachePlatform platform = CachePlatform.start(work)) {
            byte[] asset = BenchPng.of(settings.sizeBytes(), 7);
            CachePlatform.Uploaded uploaded = platform.upload(asset);
            say("Uploaded a %d-byte shared asset %s to the platform at %s.", uploaded.size(), uploaded.sha256(),
                    platform.uri());
            // The scene of the session does not matter for a shared asset; any scene may use it.
            CacheScope scope = CacheScope.scene(UUID.randomUUID());
            double direct = median(() -> timed(() -> platform.downloadDirect(uploaded.assetId())));
            say("Direct download: %.1f ms.", direct);
            List<Double> colds = new ArrayList<>();
            Path warmDirectory = null;
            for (int round = 0; round < settings.rounds(); round++) {
                warmDirectory = work.resolve("cold-" + round);
                Path directory = warmDirectory;
                try (AssetCache cache = open(platform, directory, new SimpleMeterRegistry())) {
                    colds.add(timed(() -> readThrough(cache, uploaded.sha256(), scope)));
                }
            }
            double cold = BenchFiles.median(colds);
            say("Cold through the node cache: %.1f ms.", cold);
            Path directory = warmDirectory;
            double firstOpen;
            List<Double> warms = new ArrayList<>();
            List<Double> plains = new ArrayList<>();
            try (AssetCache cache = open(platform, directory, new SimpleMeterRegistry())) {
                firstOpen = timed(() -> readThrough(cache, uploaded.sha256(), scope));
                // The peer reads the very file the cache serves, plainly: the same bytes in the same place (a copy
                // written elsewhere sits differently in the page cache, which measured up to 40 % apart run to run).
                Path plain;
                try (CachedBlob blob = cache.open(uploaded.sha256(), scope)) {
                    plain = blob.path();
                }
                readPlain(plain);
                for (int round = 0; round < settings.rounds(); round++) {
                    // Alternated so that both see the same state of the machine.
                    warms.add(timed(() -> readThrough(cache, uploaded.sha256(), scope)));
                    plains.add(timed(() -> readPlain(plain)));
                }
            }
            double warm = BenchFiles.median(warms);
            double plainRead = BenchFiles.median(plains);
            say("Warm: %.1f ms (first open by a process %.1f ms); plain file read %.1f ms. Rounds: warm %s, plain %s.",
                    warm, firstOpen, plainRead, rounded(warms), rounded(plains));
            Concurrent concurrent = concurrentCold(platform, work.resolve("concurrent"), uploaded.sha256(), scope);
            return new CacheBenchResults(uploaded.size(), direct, cold, firstOpen, warm, plainRead,
                    settings.readers(), concurrent.millis, concurrent.upstreamBytes, concurrent.verified);
        } finally {
            deleteRecursively(work);
        }
    }

    private AssetCache open(CachePlatform platform, Path directory, SimpleMeterRegistry registry) throws IOException {
        String token = platform.nodeToken();
        Supplier<String> credentials = () -> token;
        return NodeCache.open(NodeCacheSettings.defaults(directory, platform.uri(), credentials)
                .withMaxBlobBytes(Math.max(settings.sizeBytes(), 1024)), registry);
    }

    private record Concurrent(double millis, long upstreamBytes, int verified) {
    }

    private Concurrent concurrentCold(CachePlatform platform, Path directory, String sha, CacheScope scope)
            throws Exception {
        int readers = settings.readers();
        List<SimpleMeterRegistry> registries = new ArrayList<>();
        List<AssetCache> caches = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(readers);
        try {
            for (int i = 0; i < readers; i++) {
                SimpleMeterRegistry registry = new SimpleMeterRegistry();
                registries.add(registry);
                caches.add(open(platform, directory, registry));
            }
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> hashes = new ArrayList<>();
            for (AssetCache cache : caches) {
                hashes.add(pool.submit((Callable<String>) () -> {
                    start.await();
                    return hashThrough(cache, sha, scope);
                }));
            }
            long began = System.nanoTime();
            start.countDown();
            int verified = 0;
            for (Future<String> hash : hashes) {
                verified += sha.equals(hash.get(READER_DEADLINE_MINUTES, TimeUnit.MINUTES)) ? 1 : 0;
            }
            double millis = (System.nanoTime() - began) / 1e6;
            long upstream = 0;
            for (SimpleMeterRegistry registry : registries) {
                upstream += (long) registry.get("scenelog.node.cache.bytes.fetched").counter().count();
            }
            say("%d readers on a cold cache: %.1f ms, %d bytes fetched from the platform, %d verified.", readers,
                    millis, upstream, verified);
            return new Concurrent(millis, upstream, verified);
        } finally {
            pool.shutdownNow();
            caches.forEach(AssetCache::close);
        }
    }

    private static long readThrough(AssetCache cache, String sha, CacheScope scope) throws IOException {
        try (CachedBlob blob = cache.open(sha, scope); InputStream in = blob.newInputStream()) {
            return drain(in);
        }
    }

    private static String hashThrough(AssetCache cache, String sha, CacheScope scope) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
        byte[] buffer = new byte[BUFFER];
        try (CachedBlob blob = cache.open(sha, scope); InputStream in = blob.newInputStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static long readPlain(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return drain(in);
        }
    }

    private static long drain(InputStream in) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long total = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            total += n;
        }
        return total;
    }

    private double median(Timed timed) throws Exception {
        List<Double> values = new ArrayList<>();
        for (int round = 0; round < settings.rounds(); round++) {
            values.add(timed.millis());
        }
        return BenchFiles.median(values);
    }

    private static List<String> rounded(List<Double> values) {
        return values.stream().map(value -> String.format(java.util.Locale.ROOT, "%.1f", value)).toList();
    }


    private static double timed(Work work) throws Exception {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e6;
    }

    private void say(String format, Object... args) {
        progress.println(String.format(java.util.Locale.ROOT, format, args));
        progress.flush();
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the benchmark's work directory " + root, e);
        }
    }

    @FunctionalInterface
    private interface Work {
        Object run() throws Exception;
    }

    @FunctionalInterface
    private interface Timed {
        double millis() throws Exception;
    }
}
