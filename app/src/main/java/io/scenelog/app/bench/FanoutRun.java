package io.scenelog.app.bench;

/**
 * Every phase measured with one number of connected clients.
 *
 * @param clients         connected clients
 * @param bridgePaced     the writer at the target rate, commit to client through the bridge
 * @param bridgeSaturated the writer as fast as the slowest client takes the events
 * @param barePaced       the bare broadcast of the same frames at the target rate, send to client
 * @param bareSaturated   the bare broadcast as fast as the slowest client takes the frames
 * @param endToEnd        an editor's action over Livelink until all clients have its event
 */
record FanoutRun(int clients, FanoutPhase bridgePaced, FanoutPhase bridgeSaturated, FanoutPhase barePaced,
        FanoutPhase bareSaturated, EndToEnd endToEnd) {

    /** The bridge's deliveries per second over the bare broadcast's, both paced at the target rate. */
    double pacedRatio() {
        return bridgePaced.ratioTo(barePaced);
    }

    /** The bridge's most deliveries per second over the bare broadcast's most. */
    double saturationRatio() {
        return bridgeSaturated.ratioTo(bareSaturated);
    }
}
