package io.scenelog.app.bench;

/**
 * One measured fan-out phase: the bridge's or the bare peer's, paced or saturated.
 *
 * @param window          what the clients received in the timed window
 * @param outcome         latencies of the timed events and what was lost or duplicated, warm-up included
 * @param slowConsumer    clients the bridge disconnected as too slow during the phase (the bare peer drops none: its
 *                        skipped frames count as lost)
 * @param connectionsLost client connections that ended during the phase, for any reason
 * @param drained         whether every event reached every client before the drain timeout
 */
record FanoutPhase(PhaseDriver.Window window, Round.Outcome outcome, long slowConsumer, long connectionsLost,
        boolean drained) {

    /** Deliveries per second in the timed window. */
    double deliveriesPerSecond() {
        return window.deliveries().perSecond();
    }

    /** This phase's deliveries per second over another's. */
    double ratioTo(FanoutPhase peer) {
        return window.deliveries().ratioTo(peer.window.deliveries());
    }

    /** Nothing lost, duplicated or out of place, every connection kept. */
    boolean clean() {
        return outcome.lost() == 0 && outcome.duplicated() == 0 && outcome.unexpected() == 0 && slowConsumer == 0
                && connectionsLost == 0 && drained;
    }
}
