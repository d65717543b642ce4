package io.scenelog.renderer.models.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WeighedCacheTest {

    private final WeighedCache<String> cache = new WeighedCache<>(10, value -> value.length());

    @Test
    void shouldEvictLeastRecentlyUsedFirst() {
        // given
        cache.put("a", "aaaa");
        cache.put("b", "bbbb");
        cache.get("a");

        // when
        cache.put("c", "cccc");

        // then
        assertThat(cache.get("b")).isNull();
        assertThat(cache.get("a")).isEqualTo("aaaa");
        assertThat(cache.get("c")).isEqualTo("cccc");
        assertThat(cache.bytes()).isEqualTo(8);
    }

    @Test
    void shouldKeepNewestEntryEvenWhenItAloneIsOverTheBound() {
        cache.put("a", "aaaa");

        cache.put("big", "x".repeat(50));

        assertThat(cache.size()).isEqualTo(1);
        assertThat(cache.get("big")).hasSize(50);
        assertThat(cache.bytes()).isEqualTo(50);
    }

    @Test
    void shouldReweighReplacedEntry() {
        cache.put("a", "aaaa");

        cache.put("a", "aa");

        assertThat(cache.bytes()).isEqualTo(2);
        assertThat(cache.size()).isEqualTo(1);
    }
}
