package io.scenelog.kafka.embedded.internal;

import io.scenelog.kafka.embedded.BrokerFatalErrorException;
import org.apache.kafka.common.utils.Exit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps Kafka's fatal-error paths from terminating a shared JVM.
 *
 * <p>The broker calls {@code Exit.exit}/{@code Exit.halt} when it meets an error it cannot recover
 * from (a failed log directory, a diverged metadata log). In its own process that is right; inside
 * an application or a test suite it would kill everything else with it, and a halt would not even
 * run the shutdown hooks that flush other data. The replacement procedures log and throw a
 * {@link BrokerFatalErrorException} in the failing Kafka thread instead.
 */
public final class ExitProcedures {

    private static final Logger LOG = LoggerFactory.getLogger(ExitProcedures.class);

    private ExitProcedures() {
    }

    /** Installs the throwing procedures; idempotent. */
    public static void installThrowing() {
        Exit.setExitProcedure((statusCode, message) -> refuse(statusCode, false, message));
        Exit.setHaltProcedure((statusCode, message) -> refuse(statusCode, true, message));
    }

    private static void refuse(int statusCode, boolean halt, String message) {
        BrokerFatalErrorException error = new BrokerFatalErrorException(statusCode, halt, message);
        LOG.error("{} (thread {}).", error.getMessage(), Thread.currentThread().getName());
        throw error;
    }
}
