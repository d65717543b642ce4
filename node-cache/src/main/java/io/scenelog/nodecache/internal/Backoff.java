package io.scenelog.nodecache.internal;

import io.scenelog.nodecache.UpstreamUnavailableException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries calls to the platform that failed in a way that may pass ({@link UpstreamFailure}), waiting longer each
 * time; when the attempts are spent the caller gets an {@link UpstreamUnavailableException} naming them.
 */
public final class Backoff {

    private static final Logger LOG = LoggerFactory.getLogger(Backoff.class);

    private final int maxAttempts;
    private final Duration initial;
    private final Duration max;
    private final Sleeper sleeper;

    public Backoff(int maxAttempts, Duration initial, Duration max, Sleeper sleeper) {
        this.maxAttempts = maxAttempts;
        this.initial = initial;
        this.max = max;
        this.sleeper = sleeper;
    }

    /** Calls until it succeeds, fails for good, or the attempts are spent. */
    public <T> T call(String what, UpstreamCall<T> call) throws IOException {
        Duration wait = initial;
        for (int attempt = 1; ; attempt++) {
            try {
                return call.call();
            } catch (UpstreamFailure e) {
                if (attempt >= maxAttempts) {
                    throw new UpstreamUnavailableException("The platform did not deliver " + what + " after "
                            + attempt + " attempt(s); last failure: " + e.getMessage(), e);
                }
                LOG.info("Attempt {} of {} to get {} failed ({}); retrying in {} ms.", attempt, maxAttempts, what,
                        e.getMessage(), wait.toMillis());
                sleep(wait, what);
                wait = wait.multipliedBy(2).compareTo(max) > 0 ? max : wait.multipliedBy(2);
            }
        }
    }

    private void sleep(Duration wait, String what) throws InterruptedIOException {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while waiting to retry " + what);
        }
    }

    /** A call to the platform. */
    @FunctionalInterface
    public interface UpstreamCall<T> {
        T call() throws IOException;
    }

    /** Waits between attempts; tests pass one that records instead of waiting. */
    @FunctionalInterface
    public interface Sleeper {

        /** Really waits. */
        Sleeper THREAD = duration -> Thread.sleep(duration.toMillis());

        void sleep(Duration duration) throws InterruptedException;
    }
}
