package io.scenelog.edge.registry.internal;

/** A request body over the configured size limit. */
public final class RequestTooLargeException extends RegistryException {

    public RequestTooLargeException(Throwable cause) {
        super(RegistryErrorCode.REQUEST_TOO_LARGE,
                "Request body is larger than the server's request size limit.", cause);
    }
}
