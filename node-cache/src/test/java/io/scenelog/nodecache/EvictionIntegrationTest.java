package io.scenelog.nodecache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The size bound, the disk reserve, and readers that eviction must not disturb. */
class EvictionIntegrationTest {

    private static final UUID SCENE = UUID.randomUUID();
    private static final int BLOB = 10_000;

    @TempDir
    Path directory;

    private TestUpstream upstream;
    private final AtomicLong diskCapacity = new AtomicLong(Long.MAX_VALUE / 2);

    @BeforeEach
    void startUpstream() throws IOException {
        upstream = new TestUpstream();
    }

    @AfterEach
    void stopUpstream() {
        upstream.close();
    }

    private AssetCache open(long maxBytes) throws IOException {
        return NodeCache.open(NodeCacheSettings.defaults(directory, upstream.uri(), () -> TestUpstream.TOKEN)
                .withMaxBytes(maxBytes)
                .withRetries(2, Duration.ofMillis(1), Duration.ofMillis(1))
                .withDisk(this::freeOnSmallDisk, 1000)
                .withClock(new SteppingClock()));
    }

    /** A disk of the configured capacity that holds only the cache directory. */
    private long freeOnSmallDisk(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            long used = files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
            return diskCapacity.get() - used;
        }
    }

    private String blob(long seed) {
        return upstream.addAsset(SCENE, TestUpstream.randomBytes(BLOB, seed));
    }

    private boolean onDisk(String sha) {
        return Files.exists(directory.resolve("blobs").resolve(sha.substring(0, 2)).resolve(sha));
    }

    @Test
    void shouldEvictTheLeastRecentlyUsedBlobWhenTheBoundIsReached() throws IOException {
        // given: room for two blobs; a is used again after b
        String a = blob(1);
        String b = blob(2);
        String c = blob(3);
        try (AssetCache cache = open(2 * BLOB + BLOB / 2)) {
            cache.open(a, CacheScope.scene(SCENE)).close();
            cache.open(b, CacheScope.scene(SCENE)).close();
            cache.open(a, CacheScope.scene(SCENE)).close();
            // when
            cache.open(c, CacheScope.scene(SCENE)).close();
            // then
            assertThat(onDisk(a)).isTrue();
            assertThat(onDisk(b)).isFalse();
            assertThat(onDisk(c)).isTrue();
            assertThat(cache.status().bytes()).isLessThanOrEqualTo(2 * BLOB + BLOB / 2);
        }
        assertThat(NodeCache.status(directory).orElseThrow().maxBytes()).isEqualTo(2 * BLOB + BLOB / 2);
    }

    @Test
    void shouldLetAReaderFinishWhileEvictionMakesRoomAroundIt() throws IOException {
        // given: room for two blobs, and a reader in the middle of the oldest
        String a = blob(4);
        String b = blob(5);
        String c = blob(6);
        try (AssetCache cache = open(2 * BLOB + BLOB / 2)) {
            byte[] expected = TestUpstream.randomBytes(BLOB, 4);
            try (CachedBlob held = cache.open(a, CacheScope.scene(SCENE)); InputStream in = held.newInputStream()) {
                byte[] firstHalf = in.readNBytes(BLOB / 2);
                cache.open(b, CacheScope.scene(SCENE)).close();
                // when: c needs room; a is the least recently used but held
                cache.open(c, CacheScope.scene(SCENE)).close();
                // then: b went instead, and the reader finishes with the right bytes
                assertThat(onDisk(a)).isTrue();
                assertThat(onDisk(b)).isFalse();
                byte[] secondHalf = in.readAllBytes();
                assertThat(concat(firstHalf, secondHalf)).isEqualTo(expected);
            }
            // and once released, a is evictable again
            cache.open(b, CacheScope.scene(SCENE)).close();
            assertThat(onDisk(a)).isFalse();
        }
    }

    @Test
    void shouldRefuseRatherThanExceedTheBoundWhenReadersHoldEverything() throws IOException {
        // given: room for one blob, which a reader holds
        String a = blob(7);
        String b = blob(8);
        try (AssetCache cache = open(BLOB + BLOB / 2); CachedBlob held = cache.open(a, CacheScope.scene(SCENE))) {
            // when / then
            assertThatThrownBy(() -> cache.open(b, CacheScope.scene(SCENE)))
                    .isInstanceOf(CacheFullException.class).hasMessageContaining("readers hold")
                    .satisfies(e -> assertThat(((AssetCacheException) e).retryable()).isTrue());
            assertThat(onDisk(b)).isFalse();
            assertThat(held.readAllBytes()).hasSize(BLOB);
        }
    }

    @Test
    void shouldEvictToKeepTheDiskReserveWhenTheDiskIsNearlyFull() throws IOException {
        // given: the bound is far away, but the disk (1000 bytes reserve) has room for only one blob
        String a = blob(9);
        String b = blob(10);
        diskCapacity.set(1000 + BLOB + BLOB / 2);
        try (AssetCache cache = open(100 * BLOB)) {
            cache.open(a, CacheScope.scene(SCENE)).close();
            // when
            try (CachedBlob blob = cache.open(b, CacheScope.scene(SCENE))) {
                // then
                assertThat(blob.readAllBytes()).isEqualTo(TestUpstream.randomBytes(BLOB, 10));
            }
            assertThat(onDisk(a)).isFalse();
        }
    }

    @Test
    void shouldRefuseAndLeaveNothingWhenTheDiskCannotTakeTheBlob() throws IOException {
        // given: a disk without room for the blob beyond its reserve, and nothing to evict
        String a = blob(13);
        diskCapacity.set(1000 + BLOB / 2);
        try (AssetCache cache = open(100 * BLOB)) {
            // when / then
            assertThatThrownBy(() -> cache.open(a, CacheScope.scene(SCENE)).close())
                    .isInstanceOf(CacheFullException.class).hasMessageContaining("free on disk");
            assertThat(onDisk(a)).isFalse();
            try (var files = Files.list(directory.resolve("tmp"))) {
                assertThat(files).isEmpty();
            }
            // and when the disk has room again, the blob is fetched
            diskCapacity.set(Long.MAX_VALUE / 2);
            try (CachedBlob blob = cache.open(a, CacheScope.scene(SCENE))) {
                assertThat(blob.fetched()).isTrue();
            }
        }
    }

    @Test
    void shouldEvictDownToALoweredBoundOnOpen() throws IOException {
        // given
        String a = blob(11);
        String b = blob(12);
        try (AssetCache cache = open(10 * BLOB)) {
            cache.open(a, CacheScope.scene(SCENE)).close();
            cache.open(b, CacheScope.scene(SCENE)).close();
        }
        // when
        try (AssetCache cache = open(BLOB + 1)) {
            // then
            assertThat(cache.status().entries()).isEqualTo(1);
            assertThat(onDisk(b)).isTrue();
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
