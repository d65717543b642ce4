package io.scenelog.app.bench;

import java.util.OptionalDouble;

/**
 * One measured fan-out phase: the bridge's or the bare peer's, paced or saturated.
 *
 * @param window          what the clients received in the timed window
 * @param outcome         latencies of the timed events and what was lost or duplicated, warm-up included
 * @param slowConsumer    clients the bridge disconnected as too slow during the phase (the bare peer drops none: its
 *                        skipped frames count as lost)
 * @param connectionsLost client connections that ended during the phase, for any reason
 * @param drained         whether every event reached every client before the drain timeout
 * @param cpu             where the machine's CPU went during the phase's sending (everything runs in one JVM)
 * @param bridgeQueuing   the bridge's own fan-out timer, mean over the phase: from the pipeline's commit timestamp to
 *                        the frame in every client's outbound queue (empty for the bare peer); compared with the
 *                        commit-to-client latency it says whether events wait before the bridge's queues or after
 */
record FanoutPhase(PhaseDriver.Window window, Round.Outcome outcome, long slowConsumer, long connectionsLost,
        boolean drained, CpuProfile.Usage cpu, OptionalDouble bridgeQueuing) {

    /** Deliveries per second in the timed window. */
    double deliveriesPerSecond() {
        return window.deliveries().perSecond();
    }

    /** This phase's deliveries per second over another's. */
    double ratioTo(FanoutPhase peer) {
        return window.deliveries().ratioTo(peer.window.deliveries());
    }
}
