package io.scenelog.edge.http.paging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PagesTest {

    /** Keys k00, k01, ... so that string order is numeric order. */
    private static List<String> keys(int count) {
        return IntStream.range(0, count).mapToObj(i -> String.format("k%02d", i)).toList();
    }

    private static SortedMap<String, String> map(int count) {
        SortedMap<String, String> map = new TreeMap<>();
        keys(count).forEach(key -> map.put(key, "item-" + key));
        return map;
    }

    private static PageRequest after(int limit, String key) {
        return new PageRequest(limit, Optional.of(key));
    }

    @Nested
    class OfASortedMap {

        @Test
        void shouldReturnTheFirstPageWithACursorToTheNext() {
            // when
            Page<String> page = Pages.slice(map(5), new PageRequest(2, Optional.empty()));

            // then
            assertThat(page.items()).containsExactly("item-k00", "item-k01");
            assertThat(page.nextCursor().map(Cursors::decode)).contains("k01");
        }

        @Test
        void shouldResumeAfterTheCursorKey() {
            Page<String> page = Pages.slice(map(5), after(2, "k01"));
            assertThat(page.items()).containsExactly("item-k02", "item-k03");
            assertThat(page.nextCursor().map(Cursors::decode)).contains("k03");
        }

        @Test
        void shouldGiveNoCursorOnTheLastPage() {
            Page<String> page = Pages.slice(map(5), after(2, "k03"));
            assertThat(page.items()).containsExactly("item-k04");
            assertThat(page.nextCursor()).isEmpty();
        }

        @Test
        void shouldGiveNoCursorWhenTheLastPageIsExactlyFull() {
            Page<String> page = Pages.slice(map(4), after(2, "k01"));
            assertThat(page.items()).containsExactly("item-k02", "item-k03");
            assertThat(page.nextCursor()).isEmpty();
        }

        @Test
        void shouldResumeAfterAKeyThatWasDeletedMeanwhile() {
            // given
            SortedMap<String, String> map = map(5);
            map.remove("k02");

            // then
            assertThat(Pages.slice(map, after(10, "k02")).items()).containsExactly("item-k03", "item-k04");
        }

        @Test
        void shouldFollowTheMapsOwnOrder() {
            // given
            SortedMap<String, String> descending = new TreeMap<>(Comparator.reverseOrder());
            descending.putAll(map(5));

            // then
            assertThat(Pages.slice(descending, after(2, "k03")).items()).containsExactly("item-k02", "item-k01");
        }

        @Test
        void shouldReturnAnEmptyPageOfAnEmptyMap() {
            Page<String> page = Pages.slice(new TreeMap<String, String>(), PageRequest.first());
            assertThat(page.items()).isEmpty();
            assertThat(page.nextCursor()).isEmpty();
        }
    }

    @Nested
    class OfASortedList {

        @Test
        void shouldFindTheCursorByBinarySearch() {
            Page<String> page = Pages.slice(keys(10), Function.identity(), after(3, "k04"));
            assertThat(page.items()).containsExactly("k05", "k06", "k07");
            assertThat(page.nextCursor().map(Cursors::decode)).contains("k07");
        }

        @Test
        void shouldResumeAfterAKeyBetweenItems() {
            assertThat(Pages.slice(keys(10), Function.identity(), after(2, "k04x")).items())
                    .containsExactly("k05", "k06");
        }

        @Test
        void shouldReturnNothingAfterTheLastKey() {
            Page<String> page = Pages.slice(keys(3), Function.identity(), after(2, "k02"));
            assertThat(page.items()).isEmpty();
            assertThat(page.nextCursor()).isEmpty();
        }

        @Test
        void shouldVisitEveryItemExactlyOnceWhateverThePageSize() {
            for (int size = 0; size <= 20; size++) {
                for (int limit = 1; limit <= 7; limit++) {
                    // given
                    List<String> items = keys(size);
                    List<String> seen = new ArrayList<>();
                    PageRequest request = new PageRequest(limit, Optional.empty());

                    // when: a client follows nextCursor, through the query parameters, until it ends
                    while (true) {
                        Page<String> page = Pages.slice(items, Function.identity(), request);
                        assertThat(page.items().size()).isLessThanOrEqualTo(limit);
                        seen.addAll(page.items());
                        if (page.nextCursor().isEmpty()) {
                            break;
                        }
                        request = PageRequest.parse(Integer.toString(limit), page.nextCursor().get());
                    }

                    // then
                    assertThat(seen).as("size %d, limit %d", size, limit).isEqualTo(items);
                }
            }
        }
    }

    @Nested
    class OfAnIterator {

        @Test
        void shouldReadOnlyOneItemMoreThanThePage() {
            // given
            CountingIterator<String> source = new CountingIterator<>(keys(100).iterator());

            // when
            Page<String> page = Pages.take(source, Function.identity(), 10);

            // then
            assertThat(page.items()).hasSize(10);
            assertThat(page.nextCursor().map(Cursors::decode)).contains("k09");
            assertThat(source.read).isEqualTo(11);
        }

        @Test
        void shouldEndWithoutACursorWhenTheSourceRunsOut() {
            Page<String> page = Pages.take(keys(3).iterator(), Function.identity(), 10);
            assertThat(page.items()).hasSize(3);
            assertThat(page.nextCursor()).isEmpty();
        }
    }

    @Test
    void shouldMapItemsAndKeepTheCursor() {
        // given
        Page<String> page = Pages.slice(keys(5), Function.identity(), new PageRequest(2, Optional.empty()));

        // when
        Page<Integer> mapped = page.map(String::length);

        // then
        assertThat(mapped.items()).containsExactly(3, 3);
        assertThat(mapped.nextCursor()).isEqualTo(page.nextCursor());
    }

    @Test
    void shouldCopyTheItemsSoThePageCannotChangeLater() {
        // given
        List<String> items = new ArrayList<>(List.of("a"));
        Page<String> page = new Page<>(items, Optional.empty());

        // when
        items.add("b");

        // then
        assertThat(page.items()).containsExactly("a");
    }

    private static final class CountingIterator<T> implements Iterator<T> {

        private final Iterator<T> delegate;
        private int read;

        CountingIterator(Iterator<T> delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean hasNext() {
            return delegate.hasNext();
        }

        @Override
        public T next() {
            read++;
            return delegate.next();
        }
    }
}
