package io.scenelog.edge.http.paging;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which page of a listing a client asked for: at most {@code limit} items whose sort key comes after
 * {@code after} (from the start when empty).
 *
 * @param limit the most items to return, from 1 to {@link #MAX_LIMIT}
 * @param after the sort key of the last item of the previous page, decoded from its cursor
 */
public record PageRequest(int limit, Optional<String> after) {

    /** The page size when a client gives none. */
    public static final int DEFAULT_LIMIT = 50;
    /** The largest page a client may ask for: bounds the work and the response size of one request. */
    public static final int MAX_LIMIT = 500;

    /** Digits only: {@link Integer#parseInt} would also take "+5" and "-0", which are not what the docs say. */
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,9}");

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("A page limit must be from 1 to " + MAX_LIMIT + ", got " + limit);
        }
        Objects.requireNonNull(after, "after");
    }

    /** The first page with the default size. */
    public static PageRequest first() {
        return new PageRequest(DEFAULT_LIMIT, Optional.empty());
    }

    /**
     * The page a client asked for with the {@code limit} and {@code cursor} query parameters.
     *
     * @param limit the raw {@code limit} parameter, or null when absent ({@link #DEFAULT_LIMIT})
     * @param cursor the raw {@code cursor} parameter, or null or empty for the first page (clients that keep
     *               the previous {@code nextCursor} in a form field send it empty)
     * @throws PagingException naming {@code limit} or {@code cursor}
     */
    public static PageRequest parse(String limit, String cursor) {
        int size = limit == null ? DEFAULT_LIMIT : parseLimit(limit);
        Optional<String> after = cursor == null || cursor.isEmpty() ? Optional.empty()
                : Optional.of(Cursors.decode(cursor));
        return new PageRequest(size, after);
    }

    private static int parseLimit(String text) {
        int value = DIGITS.matcher(text).matches() ? Integer.parseInt(text) : -1;
        if (value < 1 || value > MAX_LIMIT) {
            String shown = text.length() > 20 ? text.substring(0, 20) + "…" : text;
            throw new PagingException("limit", "limit must be an integer from 1 to " + MAX_LIMIT + ", got \""
                    + shown + "\"");
        }
        return value;
    }
}
