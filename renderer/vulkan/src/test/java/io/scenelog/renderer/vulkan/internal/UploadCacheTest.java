package io.scenelog.renderer.vulkan.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class UploadCacheTest {

    /** A resource of a given size, named for its key. */
    private record Resource(String key, long bytes) {
    }

    private final List<Resource> retired = new ArrayList<>();
    private final AtomicInteger uploads = new AtomicInteger();

    private UploadCache<String, Resource> cache(long capacity) {
        return new UploadCache<>(capacity, Resource::bytes, retired::add);
    }

    private Resource get(UploadCache<String, Resource> cache, String key, long bytes) {
        return cache.get(key, () -> {
            uploads.incrementAndGet();
            return new Resource(key, bytes);
        });
    }

    @Test
    void shouldUploadEachKeyOnce() {
        UploadCache<String, Resource> cache = cache(1000);

        Resource first = get(cache, "a", 100);
        Resource again = get(cache, "a", 100);

        assertThat(again).isSameAs(first);
        assertThat(uploads).hasValue(1);
        assertThat(cache.bytes()).isEqualTo(100);
    }

    @Test
    void shouldRetireTheLeastRecentlyUsedWhenOverTheBound() {
        // given a, b, c of 100 bytes in a 300-byte cache, with a used after b
        UploadCache<String, Resource> cache = cache(300);
        get(cache, "a", 100);
        get(cache, "b", 100);
        get(cache, "c", 100);
        get(cache, "a", 100);
        // when d needs room
        get(cache, "d", 100);
        // then b goes, the least recently used
        assertThat(retired).extracting(Resource::key).containsExactly("b");
        assertThat(cache.contains("b")).isFalse();
        assertThat(cache.contains("a")).isTrue();
        assertThat(cache.bytes()).isEqualTo(300);
    }

    @Test
    void shouldRetireAsManyAsNeededForALargeUpload() {
        UploadCache<String, Resource> cache = cache(300);
        get(cache, "a", 100);
        get(cache, "b", 100);
        get(cache, "c", 100);

        get(cache, "big", 250);

        assertThat(retired).extracting(Resource::key).containsExactly("a", "b", "c");
        assertThat(cache.size()).isEqualTo(1);
        assertThat(cache.bytes()).isEqualTo(250);
    }

    @Test
    void shouldKeepAResourceLargerThanTheBoundSoThatItStillDraws() {
        UploadCache<String, Resource> cache = cache(100);
        get(cache, "a", 50);

        Resource huge = get(cache, "huge", 500);

        assertThat(cache.contains("huge")).isTrue();
        assertThat(retired).extracting(Resource::key).containsExactly("a");
        assertThat(get(cache, "huge", 500)).isSameAs(huge);
    }

    @Test
    void shouldUploadAgainAfterEviction() {
        UploadCache<String, Resource> cache = cache(100);
        get(cache, "a", 100);
        get(cache, "b", 100);

        get(cache, "a", 100);

        assertThat(uploads).hasValue(3);
        assertThat(retired).extracting(Resource::key).containsExactly("a", "b");
    }

    @Test
    void shouldRetireEverythingOnClear() {
        UploadCache<String, Resource> cache = cache(1000);
        get(cache, "a", 100);
        get(cache, "b", 200);

        cache.clear();

        assertThat(retired).extracting(Resource::key).containsExactlyInAnyOrder("a", "b");
        assertThat(cache.bytes()).isZero();
        assertThat(cache.size()).isZero();
    }

    @Test
    void shouldRejectANonPositiveBound() {
        assertThatThrownBy(() -> cache(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("capacityBytes");
    }
}
