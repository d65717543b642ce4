package io.scenelog.edge.http.limits;

import java.time.Duration;
import java.util.Objects;

/**
 * The answer of {@link RateLimiter#tryAcquire}: go ahead, or wait at least {@code retryAfter} before the next
 * request has a chance.
 *
 * @param allowed whether the request may proceed
 * @param retryAfter zero when allowed; otherwise the exact time until one more request is allowed
 */
public record Decision(boolean allowed, Duration retryAfter) {

    private static final Decision ALLOWED = new Decision(true, Duration.ZERO);

    public Decision {
        Objects.requireNonNull(retryAfter, "retryAfter");
        if (allowed != retryAfter.isZero() || retryAfter.isNegative()) {
            throw new IllegalArgumentException("An allowed decision waits zero, a denied one a positive time; got "
                    + allowed + " with " + retryAfter);
        }
    }

    /** The request may proceed. */
    public static Decision allow() {
        return ALLOWED;
    }

    /** The request is refused; one more will be allowed after {@code retryAfter}. */
    public static Decision deny(Duration retryAfter) {
        return new Decision(false, retryAfter);
    }

    /**
     * The value of the {@code Retry-After} header: whole seconds, rounded up so a client that obeys it is not
     * refused again, and at least 1 because {@code Retry-After: 0} invites an immediate retry loop. Zero when
     * allowed.
     */
    public long retryAfterSeconds() {
        if (allowed) {
            return 0;
        }
        long seconds = retryAfter.getSeconds() + (retryAfter.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
