package io.scenelog.renderer.session;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * The renderer process of one session, as a render node spawns it: {@code java ... SessionRendererMain --name=value
 * ...} (see {@link SessionRendererSettings#fromArguments}). Once it serves, it prints exactly one line on standard
 * output, {@code SCENELOG-RENDERER-READY <frameEndpoint>}; on SIGTERM or SIGINT it closes cleanly and exits 0. A bad
 * argument exits 2, a failed start 1, each with a message on standard error.
 */
public final class SessionRendererMain {

    /** The line's prefix the node agent waits for. */
    public static final String READY = "SCENELOG-RENDERER-READY";

    private static final Logger LOG = LoggerFactory.getLogger(SessionRendererMain.class);

    private SessionRendererMain() {
    }

    /** Runs the renderer until SIGTERM. */
    public static void main(String[] args) throws InterruptedException {
        // stdout carries the ready line and nothing else: whatever else writes to it (a console log appender) goes
        // to stderr, so the node agent can read stdout without parsing logs
        PrintStream readyLine = System.out;
        System.setOut(System.err);
        System.exit(run(args, readyLine, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        SessionRendererSettings settings;
        try {
            settings = SessionRendererSettings.fromArguments(args);
        } catch (InvalidSessionRendererSettingsException e) {
            err.println(e.getMessage());
            return 2;
        }
        SessionRenderer renderer;
        try {
            renderer = SessionRenderer.start(settings);
        } catch (RuntimeException e) {
            err.println(e.getMessage());
            LOG.error("The renderer of session {} failed to start.", settings.sessionId(), e);
            return 1;
        }
        CountDownLatch stop = new CountDownLatch(1);
        // handling the signals ourselves (rather than in a shutdown hook) lets the process close in order and exit 0
        Signal.handle(new Signal("TERM"), signal -> stop.countDown());
        Signal.handle(new Signal("INT"), signal -> stop.countDown());
        Thread stoppedByItself = new Thread(() -> {
            try {
                renderer.awaitStopped(java.time.Duration.ofDays(365_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stop.countDown();
        }, "renderer-stopped-watch");
        stoppedByItself.setDaemon(true);
        stoppedByItself.start();
        // a renderer never outlives its node agent: when the agent dies (kill -9, a crashed launcher), nothing would
        // stop or supervise this process any more, and the platform has already placed the session elsewhere
        ProcessHandle.current().parent().ifPresent(agent -> agent.onExit().thenRun(() -> {
            LOG.warn("The node agent (pid {}) of session {} is gone; stopping its renderer.", agent.pid(),
                    settings.sessionId());
            stop.countDown();
        }));
        out.println(READY + " " + renderer.frameEndpoint());
        out.flush();
        stop.await();
        LOG.info("The renderer of session {} is stopping.", settings.sessionId());
        renderer.close();
        return 0;
    }
}
