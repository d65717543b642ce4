package io.scenelog.edge.http.paging;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.Function;

/**
 * Cuts a page out of items in sort-key order. Keyset paging (resume after the last key) rather than offsets, so
 * that items added or removed between two requests neither repeat nor go missing from the pages that follow.
 * The caller filters first (by scene, by the caller's rights, by query) and pages what is left.
 */
public final class Pages {

    private Pages() {
    }

    /** The page of a sorted map, keyed by the sort key; keys compare with the map's own comparator. */
    public static <T> Page<T> slice(SortedMap<String, T> items, PageRequest request) {
        Optional<String> after = request.after();
        SortedMap<String, T> tail = after.isPresent() ? items.tailMap(after.get()) : items;
        Comparator<? super String> order = items.comparator() == null ? Comparator.naturalOrder()
                : items.comparator();
        Iterator<Map.Entry<String, T>> entries = tail.entrySet().iterator();
        List<Map.Entry<String, T>> page = new ArrayList<>();
        while (entries.hasNext() && page.size() < request.limit() + 1) {
            Map.Entry<String, T> entry = entries.next();
            // tailMap includes the cursor's own key; that item was the last of the previous page
            if (after.isEmpty() || order.compare(entry.getKey(), after.get()) != 0) {
                page.add(entry);
            }
        }
        return cut(page, Map.Entry::getKey, request.limit()).map(Map.Entry::getValue);
    }

    /**
     * The page of a list sorted ascending by {@code key} in {@link String#compareTo} order, found by binary search.
     * Keys must be unique, as a cursor can only say "after this key".
     */
    public static <T> Page<T> slice(List<T> sortedItems, Function<? super T, String> key, PageRequest request) {
        int from = request.after().map(after -> firstAfter(sortedItems, key, after)).orElse(0);
        int to = Math.min(sortedItems.size(), from + request.limit() + 1);
        return cut(sortedItems.subList(from, to), key, request.limit());
    }

    /**
     * A page from an iterator already positioned after the cursor (e.g. a state-store range scan from the key
     * after {@link PageRequest#after()}), reading at most one item more than the page to know whether more follow.
     */
    public static <T> Page<T> take(Iterator<T> afterCursor, Function<? super T, String> key, int limit) {
        List<T> page = new ArrayList<>();
        while (afterCursor.hasNext() && page.size() < limit + 1) {
            page.add(afterCursor.next());
        }
        return cut(page, key, limit);
    }

    /** Given up to limit + 1 items, the first limit and a cursor when the extra one exists. */
    private static <T> Page<T> cut(List<T> upToOneMore, Function<? super T, String> key, int limit) {
        if (upToOneMore.size() <= limit) {
            return new Page<>(upToOneMore, Optional.empty());
        }
        List<T> items = upToOneMore.subList(0, limit);
        return new Page<>(items, Optional.of(Cursors.encode(key.apply(items.get(limit - 1)))));
    }

    /** The index of the first item whose key is greater than {@code after}. */
    private static <T> int firstAfter(List<T> sortedItems, Function<? super T, String> key, String after) {
        int low = 0;
        int high = sortedItems.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (key.apply(sortedItems.get(middle)).compareTo(after) <= 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
