package io.scenelog.edge.api;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.scenelog.edge.http.ApiException;
import io.scenelog.edge.http.Authenticator;
import io.scenelog.edge.http.Caller;
import io.scenelog.edge.http.ErrorCode;
import io.scenelog.edge.http.limits.Decision;
import io.scenelog.edge.http.limits.RateLimiter;
import java.util.Map;

/**
 * Wraps every authenticated route: verify the bearer token, then charge the request to the caller's rate limit
 * (keyed by the verified subject, never by anything else the client sends), then run the handler with the caller.
 */
final class Guard {

    /** A route handler that runs for an authenticated caller. */
    @FunctionalInterface
    interface CallerHandler {
        void handle(Context ctx, Caller caller) throws Exception;
    }

    private final Authenticator authenticator;
    private final RateLimiter limiter;

    Guard(Authenticator authenticator, RateLimiter limiter) {
        this.authenticator = authenticator;
        this.limiter = limiter;
    }

    /** The handler behind authentication and the caller's rate limit. */
    Handler authenticated(CallerHandler handler) {
        return ctx -> {
            Caller caller = authenticator.authenticate(ctx);
            charge("token:" + caller.subject());
            handler.handle(ctx, caller);
        };
    }

    /**
     * Charges one request to a principal's allowance.
     *
     * @throws ApiException RATE_LIMITED with Retry-After when it is spent
     */
    void charge(String principal) {
        Decision decision = limiter.tryAcquire(principal);
        if (!decision.allowed()) {
            long seconds = decision.retryAfterSeconds();
            throw new ApiException(ErrorCode.RATE_LIMITED, "Too many requests from this principal; retry in "
                    + seconds + " s", Map.of("retryAfterSeconds", seconds));
        }
    }
}
