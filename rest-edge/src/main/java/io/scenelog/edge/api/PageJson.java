package io.scenelog.edge.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.scenelog.edge.http.ApiJson;
import io.scenelog.edge.http.paging.Page;
import io.scenelog.edge.http.paging.PageRequest;
import io.scenelog.edge.http.paging.Pages;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** Paging of list endpoints: {@code limit} and {@code cursor} in, {@code {"items", "nextCursor"}} out. */
final class PageJson {

    private PageJson() {
    }

    /** The page a request asks for. */
    static PageRequest request(Context ctx) {
        return PageRequest.parse(ctx.queryParam("limit"), ctx.queryParam("cursor"));
    }

    /**
     * One page of items ordered by a unique text key, as JSON.
     *
     * @param items  every matching item, in any order
     * @param key    a unique key whose text order is the list's order
     * @param toJson the item's JSON shape
     */
    static <T> ObjectNode page(Context ctx, List<T> items, Function<T, String> key, Function<T, ObjectNode> toJson) {
        List<T> sorted = items.stream().sorted(Comparator.comparing(key)).toList();
        Page<T> page = Pages.slice(sorted, key, request(ctx));
        ObjectNode json = ApiJson.object();
        ArrayNode array = json.putArray("items");
        page.items().forEach(item -> array.add(toJson.apply(item)));
        json.put("nextCursor", page.nextCursor().orElse(null));
        return json;
    }
}
