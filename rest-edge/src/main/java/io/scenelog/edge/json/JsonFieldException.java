package io.scenelog.edge.json;

import java.util.Objects;

/**
 * One field of a request is wrong: missing, of the wrong type, out of range, or not a field the endpoint knows.
 * The REST layer maps it to {@code 400 VALIDATION_FAILED} with {@code details.field} = {@link #field()}, so the
 * message is written for the person who sent the request and already names the field. Not retryable: the same
 * request fails the same way.
 */
public class JsonFieldException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * @param field the dotted path of the field, e.g. {@code components.transform.position.x} or
     *              {@code components.tags[2]}; empty for the request body as a whole
     * @param message a complete sentence for the client, naming the field
     */
    public JsonFieldException(String field, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.field = Objects.requireNonNull(field, "field");
    }

    /** The dotted path of the offending field; empty when the body as a whole is wrong. */
    public String field() {
        return field;
    }
}
