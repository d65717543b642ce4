package io.scenelog.nodecache.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scenelog.nodecache.CachedBlob;
import io.scenelog.nodecache.UpstreamUnavailableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskBlobsTest {

    private static final byte[] BYTES = "a blob".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    private static final String SHA = sha(BYTES);
    private static final BlobRef REF = new BlobRef(SHA, BYTES.length, "/assets/x/content");

    @TempDir
    Path root;

    private final AtomicInteger fetches = new AtomicInteger();

    private static String sha(byte[] bytes) {
        var digest = Sha256Hex.newDigest();
        digest.update(bytes);
        return Sha256Hex.hex(digest);
    }

    private DiskBlobs disk(Fetcher fetcher) throws IOException {
        return new DiskBlobs(CacheDirectory.create(root), fetcher, Clock.systemUTC());
    }

    private Fetcher counting(CountDownLatch release) {
        return (ref, target) -> {
            fetches.incrementAndGet();
            try {
                assertThat(release.await(30, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Files.write(target, BYTES);
            return new Fetcher.Fetched(BYTES.length, SHA);
        };
    }

    @Test
    void shouldServeAPublishedBlobWithoutWaitingForItsLockFile() throws Exception {
        // given: a blob on disk, and its lock file held (as by another reader starting to fetch it)
        DiskBlobs disk = disk(counting(new CountDownLatch(0)));
        try (CachedBlob first = disk.open(REF)) {
            assertThat(first.fetched()).isTrue();
        }
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try (FileLocks.Held fetching = FileLocks.exclusive(CacheDirectory.create(root).lockPath(SHA))) {
            // when
            Future<byte[]> read = reader.submit(() -> {
                try (CachedBlob blob = disk.open(REF)) {
                    return blob.readAllBytes();
                }
            });

            // then: the warm path needs no lock file, only a hold on the published blob
            assertThat(read.get(30, TimeUnit.SECONDS)).isEqualTo(BYTES);
            assertThat(fetches).hasValue(1);
        } finally {
            reader.shutdownNow();
        }
    }

    @Test
    void shouldFetchOnceForManyThreadsAskingAtOnce() throws Exception {
        // given: the fetch is held until every thread has asked
        CountDownLatch release = new CountDownLatch(1);
        DiskBlobs disk = disk(counting(release));
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            CountDownLatch asked = new CountDownLatch(8);
            for (int i = 0; i < 8; i++) {
                results.add(threads.submit((Callable<Boolean>) () -> {
                    asked.countDown();
                    try (CachedBlob blob = disk.open(REF)) {
                        assertThat(blob.readAllBytes()).isEqualTo(BYTES);
                        return blob.fetched();
                    }
                }));
            }
            assertThat(asked.await(30, TimeUnit.SECONDS)).isTrue();
            release.countDown();
            // then
            long fetchedCount = 0;
            for (Future<Boolean> result : results) {
                fetchedCount += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(fetchedCount).isEqualTo(1);
            assertThat(fetches).hasValue(1);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void shouldLeaveNeitherBlobNorPartialFileWhenTheFetchFails() throws IOException {
        // given
        DiskBlobs disk = disk((ref, target) -> {
            Files.write(target, new byte[] {1, 2});
            throw new UpstreamUnavailableException("down", null);
        });
        // when / then
        assertThatThrownBy(() -> disk.open(REF)).isInstanceOf(UpstreamUnavailableException.class);
        assertThat(disk.contains(SHA)).isFalse();
        try (var files = Files.list(root.resolve("tmp"))) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void shouldDiscardAPartialDownloadThatNoProcessIsWriting() throws IOException {
        // given
        DiskBlobs disk = disk(counting(new CountDownLatch(0)));
        Path part = root.resolve("tmp").resolve(SHA + ".part");
        Files.write(part, new byte[] {1});
        // when
        disk.discardAbandonedDownloads();
        // then
        assertThat(part).doesNotExist();
    }

    @Test
    void shouldKeepAPartialDownloadWhoseLockIsHeld() throws Exception {
        // given: another thread (standing in for another process) is downloading
        DiskBlobs disk = disk(counting(new CountDownLatch(0)));
        Path part = root.resolve("tmp").resolve(SHA + ".part");
        Files.write(part, new byte[] {1});
        try (AutoCloseable held = lockFromAnotherThread(root.resolve("locks").resolve(SHA + ".lock"))) {
            // when
            disk.discardAbandonedDownloads();
            // then
            assertThat(part).exists();
        }
    }

    /** Holds the lock in another thread (standing in for another process) until closed. */
    private static AutoCloseable lockFromAnotherThread(Path lockFile) throws Exception {
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        Future<?> holder = other.submit(() -> {
            try (FileLocks.Held held = FileLocks.exclusive(lockFile)) {
                locked.countDown();
                return release.await(30, TimeUnit.SECONDS);
            }
        });
        assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
        return () -> {
            release.countDown();
            holder.get(30, TimeUnit.SECONDS);
            other.shutdown();
        };
    }
}
