package io.scenelog.app.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns Ctrl-C / SIGTERM into a clean stop of a long-running command: the JVM's shutdown hook runs the command's
 * stop action, then waits (bounded) until the command has finished its last words (a final progress line, a
 * flushed output, a closed client), because the JVM halts as soon as its hooks return.
 *
 * <p>Close it when the command ends on its own, so the hook neither lingers nor waits.
 */
public final class StopSignal implements AutoCloseable {

    private final Thread hook;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean signalled;

    private StopSignal(String name, Runnable stopAction, Duration grace) {
        this.hook = new Thread(() -> {
            signalled = true;
            stopAction.run();
            try {
                finished.await(grace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
    }

    /**
     * Installs the hook.
     *
     * @param name       the hook thread's name, for thread dumps
     * @param stopAction asks the command to stop (must not block)
     * @param grace      how long the JVM may wait for the command to finish after asking
     */
    public static StopSignal install(String name, Runnable stopAction, Duration grace) {
        StopSignal signal = new StopSignal(name, stopAction, grace);
        Runtime.getRuntime().addShutdownHook(signal.hook);
        return signal;
    }

    /** Whether the stop came from a signal (Ctrl-C / SIGTERM) rather than the command's own end. */
    public boolean signalled() {
        return signalled;
    }

    /** Tells a waiting hook that the command has finished, and removes the hook when the JVM is not stopping. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shutdownInProgress) {
            // The JVM is already stopping and runs the hook; it is released by the countDown above.
            return;
        }
    }
}
