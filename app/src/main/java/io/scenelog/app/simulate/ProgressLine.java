package io.scenelog.app.simulate;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The simulation's console output: one progress line a second and one final line, in a fixed format
 * (docs/launcher.md): {@code simulate: t=3.0s rate=100.0/s sent=300 accepted=290 rejected=0 lag=10}.
 */
final class ProgressLine {

    private final PrintWriter out;
    private long sentBefore;
    private double secondsBefore;

    ProgressLine(PrintWriter out) {
        this.out = out;
    }

    /** A progress line; the rate is actions handed over (acknowledged by Kafka) since the previous line, per second. */
    synchronized void print(SimulationReport report) {
        double seconds = report.elapsed().toMillis() / 1000.0;
        double rate = seconds > secondsBefore ? (report.sent() - sentBefore) / (seconds - secondsBefore) : 0;
        sentBefore = report.sent();
        secondsBefore = seconds;
        out.println(String.format(Locale.ROOT, "simulate: t=%.1fs rate=%.1f/s %s", seconds, rate, counts(report)));
        out.flush();
    }

    /**
     * The final line: totals, average rate, rejections by reason, and why it ended.
     *
     * @param refuser who refused the failed actions (Kafka, the Livelink client)
     */
    synchronized void printFinal(SimulationReport report, Exception firstFailure, String refuser) {
        double seconds = Math.max(report.elapsed().toMillis() / 1000.0, 0.001);
        String ending = report.signalled() ? "stopped" : "done";
        out.println(String.format(Locale.ROOT, "simulate: %s after %.1fs rate=%.1f/s %s scene=%s client=%s",
                ending, seconds, report.sent() / seconds, counts(report), report.sceneId(), report.clientId()));
        if (!report.reasons().isEmpty()) {
            out.println("simulate: rejected by reason " + report.reasons());
        }
        if (report.failed() > 0) {
            out.println("simulate: " + refuser + " refused " + report.failed() + " actions, first: "
                    + (firstFailure == null ? "unknown" : firstFailure.getMessage()));
        }
        out.flush();
    }

    private static String counts(SimulationReport report) {
        return "sent=" + report.sent() + " accepted=" + report.accepted() + " rejected=" + report.rejected()
                + " lag=" + report.lag() + (report.failed() > 0 ? " failed=" + report.failed() : "");
    }
}
