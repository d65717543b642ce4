package io.scenelog.app.bench.sessions;

import java.util.concurrent.TimeUnit;

/**
 * The renderer processes the in-process render node started: this JVM's descendants running the session renderer's
 * main class. A step ends only when they are gone, so the next step's streams do not share the cores with them.
 */
final class RendererProcesses {

    private static final String RENDERER_MAIN = "SessionRendererMain";
    private static final long POLL_MILLIS = 250;

    private RendererProcesses() {
    }

    /** How many are running now. */
    static long running() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().orElse("").contains(RENDERER_MAIN)).count();
    }

    /**
     * Waits until none runs.
     *
     * @return whether none ran before {@code deadlineNanos} ({@link System#nanoTime()})
     */
    static boolean awaitNone(long deadlineNanos) throws InterruptedException {
        while (running() > 0) {
            if (System.nanoTime() - deadlineNanos >= 0) {
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
        }
        return true;
    }
}
