package io.scenelog.edge.http.paging;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One page of a listing, as the REST API returns it: {@code {"items": [...], "nextCursor": "..." | null}}.
 *
 * @param items the items of this page, in sort order
 * @param nextCursor the cursor of the next page, present only when more items follow
 */
public record Page<T>(List<T> items, Optional<String> nextCursor) {

    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(nextCursor, "nextCursor");
    }

    /** The same page with each item converted, e.g. from state records to JSON; the cursor stays valid. */
    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), nextCursor);
    }
}
