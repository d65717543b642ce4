package io.scenelog.nodecache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole cache against a real HTTP upstream on 127.0.0.1: hits, misses, access, faults, warm-up, restart. */
class NodeCacheIntegrationTest {

    private static final UUID SCENE_A = UUID.randomUUID();
    private static final UUID SCENE_B = UUID.randomUUID();

    @TempDir
    Path directory;

    private TestUpstream upstream;
    private PrometheusMeterRegistry registry;

    @BeforeEach
    void startUpstream() throws IOException {
        upstream = new TestUpstream();
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    }

    @AfterEach
    void stopUpstream() {
        upstream.close();
    }

    private NodeCacheSettings settings() {
        return NodeCacheSettings.defaults(directory, upstream.uri(), () -> TestUpstream.TOKEN)
                .withRetries(3, Duration.ofMillis(1), Duration.ofMillis(4))
                .withDisk(DiskSpace.FILE_STORE, 0)
                .withListingRefreshInterval(Duration.ZERO);
    }

    private AssetCache open() throws IOException {
        return NodeCache.open(settings(), registry);
    }

    @Test
    void shouldFetchOnceAndServeLaterOpensFromDisk() throws IOException {
        // given
        byte[] content = TestUpstream.randomBytes(300_000, 1);
        String sha = upstream.addAsset(SCENE_A, content);
        try (AssetCache cache = open()) {
            // when
            try (CachedBlob first = cache.open(sha, CacheScope.scene(SCENE_A))) {
                assertThat(first.fetched()).isTrue();
                assertThat(first.readAllBytes()).isEqualTo(content);
            }
            try (CachedBlob second = cache.open(sha, CacheScope.scene(SCENE_A))) {
                // then
                assertThat(second.fetched()).isFalse();
                assertThat(second.readAllBytes()).isEqualTo(content);
                assertThat(second.size()).isEqualTo(content.length);
            }
            assertThat(upstream.requestsFor(sha)).isEqualTo(1);
            CacheStatus status = cache.status();
            assertThat(status.entries()).isEqualTo(1);
            assertThat(status.bytes()).isEqualTo(content.length);
        }
        CacheStatus fromDisk = NodeCache.status(directory).orElseThrow();
        assertThat(fromDisk.hits()).isEqualTo(1);
        assertThat(fromDisk.misses()).isEqualTo(1);
        assertThat(fromDisk.hitRatio()).isEqualTo(0.5);
    }

    @Test
    void shouldExposePrometheusMeters() throws IOException {
        // given
        String sha = upstream.addAsset(SCENE_A, TestUpstream.randomBytes(1000, 2));
        try (AssetCache cache = open()) {
            // when
            cache.open(sha, CacheScope.scene(SCENE_A)).close();
            cache.open(sha, CacheScope.scene(SCENE_A)).close();
        }
        // then
        String scrape = registry.scrape();
        assertThat(scrape).contains("scenelog_node_cache_hits_total 1.0", "scenelog_node_cache_misses_total 1.0",
                "scenelog_node_cache_bytes_served_total 2000.0", "scenelog_node_cache_bytes_fetched_total 1000.0",
                "scenelog_node_cache_evictions_total 0.0", "scenelog_node_cache_verification_failures_total 0.0",
                "scenelog_node_cache_fetch_latency_seconds_count 1");
    }

    @Test
    void shouldRefuseAnotherScenesPrivateBlobEvenWhenItIsOnDisk() throws IOException {
        // given: scene A's renderer brought A's private asset onto the node
        String privateSha = upstream.addAsset(SCENE_A, TestUpstream.randomBytes(5000, 3));
        try (AssetCache cache = open()) {
            cache.open(privateSha, CacheScope.scene(SCENE_A)).close();
            // when: a renderer of scene B asks for it by its hash
            // then
            assertThatThrownBy(() -> cache.open(privateSha, CacheScope.scene(SCENE_B)))
                    .isInstanceOf(AssetAccessDeniedException.class)
                    .hasMessageContaining(SCENE_B.toString()).hasMessageContaining(privateSha);
        }
        assertThat(upstream.requestsFor(privateSha)).isEqualTo(1);
        assertThat(registry.scrape()).contains("scenelog_node_cache_access_denied_total 1.0");
    }

    @Test
    void shouldServeSharedAssetsAndDependenciesToEveryScene() throws IOException {
        // given
        byte[] buffer = TestUpstream.randomBytes(2000, 4);
        String sharedSha = upstream.addAsset(null, TestUpstream.randomBytes(3000, 5), buffer);
        try (AssetCache cache = open()) {
            // when
            try (CachedBlob shared = cache.open(sharedSha, CacheScope.scene(SCENE_B));
                 CachedBlob dependency = cache.open(TestUpstream.sha256(buffer), CacheScope.scene(SCENE_A))) {
                // then
                assertThat(shared.size()).isEqualTo(3000);
                assertThat(dependency.readAllBytes()).isEqualTo(buffer);
            }
        }
    }

    @Test
    void shouldRefuseAnUnknownHashWithoutAskingForTheBlob() throws IOException {
        // given
        String guessed = TestUpstream.sha256(new byte[] {1, 2, 3});
        try (AssetCache cache = open()) {
            // when / then
            assertThatThrownBy(() -> cache.open(guessed, CacheScope.scene(SCENE_A)))
                    .isInstanceOf(AssetAccessDeniedException.class);
        }
        assertThat(upstream.requestsFor(guessed)).isZero();
    }

    @Test
    void shouldRejectAStringThatIsNoHash() throws IOException {
        try (AssetCache cache = open()) {
            assertThatThrownBy(() -> cache.open("../../etc/passwd", CacheScope.scene(SCENE_A)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Not a SHA-256");
        }
    }

    @Test
    void shouldListAgainWhenASceneAsksForAHashUploadedAfterTheLastListing() throws IOException {
        // given
        String first = upstream.addAsset(SCENE_A, TestUpstream.randomBytes(100, 6));
        try (AssetCache cache = open()) {
            cache.open(first, CacheScope.scene(SCENE_A)).close();
            // when
            String later = upstream.addAsset(SCENE_A, TestUpstream.randomBytes(100, 7));
            // then
            try (CachedBlob blob = cache.open(later, CacheScope.scene(SCENE_A))) {
                assertThat(blob.sha256()).isEqualTo(later);
            }
        }
    }

    @Test
    void shouldRetryAnUnavailableUpstreamWithBackoff() throws IOException {
        // given
        String sha = upstream.addAsset(SCENE_A, TestUpstream.randomBytes(1000, 8));
        upstream.failNext(2, 503);
        try (AssetCache cache = open(); CachedBlob blob = cache.open(sha, CacheScope.scene(SCENE_A))) {
            // then
            assertThat(blob.fetched()).isTrue();
        }
        assertThat(upstream.requestsFor(sha)).isEqualTo(3);
    }

    @Test
    void shouldGiveAClearErrorAndLeaveNoFileWhenTheUpstreamStaysDown() throws IOException {
        // given
        String sha = upstream.addAsset(SCENE_A, TestUpstream.randomBytes(1000, 9));
        upstream.failNext(3, 503);
        try (AssetCache cache = open()) {
            // when / then
            assertThatThrownBy(() -> cache.open(sha, CacheScope.scene(SCENE_A)))
                    .isInstanceOf(UpstreamUnavailableException.class)
                    .hasMessageContaining("after 3 attempt(s)").hasMessageContaining("503")
                    .satisfies(e -> assertThat(((AssetCacheException) e).retryable()).isTrue());
            assertThat(filesUnder("tmp")).isEmpty();
            assertThat(filesUnder("blobs")).isEmpty();
            // and when the platform is back, the next open fetches
            try (CachedBlob blob = cache.open(sha, CacheScope.scene(SCENE_A))) {
                assertThat(blob.fetched()).isTrue();
            }
        }
    }

    @Test
    void shouldNotRetryARefusal() throws IOException {
        // given
        String sha = upstream.addAsset(SCENE_A, TestUpstream.randomBytes(1000, 10));
        upstream.failNext(1, 403);
        try (AssetCache cache = open()) {
            // when / then
            assertThatThrownBy(() -> cache.open(sha, CacheScope.scene(SCENE_A)))
                    .isInstanceOf(UpstreamRejectedException.class).hasMessageContaining("403");
        }
        assertThat(upstream.requestsFor(sha)).isEqualTo(1);
    }

    @Test
    void shouldRejectCountAndDiscardBytesThatDoNotMatchTheirHash() throws IOException {
        // given
        String sha = upstream.addAsset(SCENE_A, TestUpstream.randomBytes(10_000, 11));
        upstream.corruptAnswers(true);
        try (AssetCache cache = open()) {
            // when / then
            assertThatThrownBy(() -> cache.open(sha, CacheScope.scene(SCENE_A)))
                    .isInstanceOf(BlobVerificationException.class).hasMessageContaining(sha)
                    .satisfies(e -> assertThat(((AssetCacheException) e).retryable()).isFalse());
            assertThat(filesUnder("blobs")).isEmpty();
            assertThat(filesUnder("tmp")).isEmpty();
        }
        assertThat(registry.scrape()).contains("scenelog_node_cache_verification_failures_total 1.0");
    }

    @Test
    void shouldFailWithATimeoutWhenTheUpstreamDoesNotAnswer() throws IOException {
        // given: nothing listens on the upstream's port any more
        String sha = upstream.addAsset(SCENE_A, TestUpstream.randomBytes(10, 12));
        upstream.close();
        try (AssetCache cache = open()) {
            // when / then
            assertThatThrownBy(() -> cache.open(sha, CacheScope.scene(SCENE_A)))
                    .isInstanceOf(UpstreamUnavailableException.class).hasMessageContaining("asset listing");
        }
    }

    @Test
    void shouldWarmUpEveryBlobTheSceneMayUse() throws IOException {
        // given: two pages of the scene's assets, a shared asset with a dependency, another scene's asset
        upstream.addAsset(SCENE_A, TestUpstream.randomBytes(100, 13));
        upstream.addAsset(SCENE_A, TestUpstream.randomBytes(100, 14));
        upstream.addAsset(SCENE_A, TestUpstream.randomBytes(100, 15));
        upstream.addAsset(null, TestUpstream.randomBytes(100, 16), TestUpstream.randomBytes(50, 17));
        String other = upstream.addAsset(SCENE_B, TestUpstream.randomBytes(100, 18));
        try (AssetCache cache = open()) {
            // when
            WarmUpResult first = cache.warmUp(SCENE_A);
            WarmUpResult second = cache.warmUp(SCENE_A);
            // then
            assertThat(first.blobs()).isEqualTo(5);
            assertThat(first.fetched()).isEqualTo(5);
            assertThat(first.failures()).isEmpty();
            assertThat(second.fetched()).isZero();
            assertThat(upstream.requestsFor(other)).isZero();
            assertThat(cache.status().entries()).isEqualTo(5);
        }
    }

    @Test
    void shouldDiscardPartialDownloadsAndTruncatedBlobsOnRestart() throws IOException {
        // given: a crashed node left half a download and a truncated blob
        byte[] content = TestUpstream.randomBytes(50_000, 19);
        String sha = upstream.addAsset(SCENE_A, content);
        try (AssetCache cache = open()) {
            cache.open(sha, CacheScope.scene(SCENE_A)).close();
        }
        Path blob = directory.resolve("blobs").resolve(sha.substring(0, 2)).resolve(sha);
        Files.write(blob, java.util.Arrays.copyOf(content, 20_000));
        String other = upstream.addAsset(SCENE_A, TestUpstream.randomBytes(1000, 20));
        Files.write(directory.resolve("tmp").resolve(other + ".part"), new byte[] {1, 2, 3});
        // when
        try (AssetCache cache = open()) {
            // then
            assertThat(filesUnder("tmp")).isEmpty();
            try (CachedBlob restored = cache.open(sha, CacheScope.scene(SCENE_A))) {
                assertThat(restored.readAllBytes()).isEqualTo(content);
                assertThat(restored.fetched()).isTrue();
            }
        }
        assertThat(upstream.requestsFor(sha)).isEqualTo(2);
        assertThat(registry.scrape()).contains("scenelog_node_cache_verification_failures_total 1.0");
    }

    @Test
    void shouldServeAnIntactBlobFromAnEarlierRunWithoutFetching() throws IOException {
        // given
        String sha = upstream.addAsset(SCENE_A, TestUpstream.randomBytes(5000, 21));
        try (AssetCache cache = open()) {
            cache.open(sha, CacheScope.scene(SCENE_A)).close();
        }
        // when
        try (AssetCache restarted = open(); CachedBlob blob = restarted.open(sha, CacheScope.scene(SCENE_A))) {
            // then
            assertThat(blob.fetched()).isFalse();
        }
        assertThat(upstream.requestsFor(sha)).isEqualTo(1);
    }

    private java.util.List<Path> filesUnder(String sub) throws IOException {
        try (Stream<Path> files = Files.walk(directory.resolve(sub))) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
