package io.scenelog.edge.registry.internal;

import com.fasterxml.jackson.core.JsonProcessingException;

/** A request body that is not JSON, or JSON of the wrong shape. */
public final class MalformedRequestException extends RegistryException {

    private MalformedRequestException(RegistryErrorCode code, String message, Throwable cause) {
        super(code, message, cause);
    }

    /** The body is not JSON at all. */
    public static MalformedRequestException notJson(JsonProcessingException cause) {
        return new MalformedRequestException(RegistryErrorCode.MALFORMED_REQUEST,
                "Request body is not valid JSON: " + cause.getOriginalMessage() + " (line "
                        + cause.getLocation().getLineNr() + ", column " + cause.getLocation().getColumnNr() + ")",
                cause);
    }

    /** The body is JSON but not of the expected shape. */
    public static MalformedRequestException wrongShape(String problem) {
        return new MalformedRequestException(RegistryErrorCode.UNPROCESSABLE_REQUEST,
                "Unprocessable request body: " + problem, null);
    }
}
