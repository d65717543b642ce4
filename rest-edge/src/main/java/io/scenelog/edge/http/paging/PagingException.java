package io.scenelog.edge.http.paging;

import io.scenelog.edge.json.JsonFieldException;

/**
 * A list request's {@code limit} or {@code cursor} query parameter is wrong. It is a {@link JsonFieldException}
 * because a query parameter is a field of the request like any body field: the one handler that maps field errors
 * to {@code 400 VALIDATION_FAILED} with {@code details.field} covers it too.
 */
public class PagingException extends JsonFieldException {

    private static final long serialVersionUID = 1L;

    /**
     * @param field the query parameter, {@code limit} or {@code cursor}
     * @param message a complete sentence for the client, naming the parameter
     */
    public PagingException(String field, String message) {
        super(field, message);
    }
}
