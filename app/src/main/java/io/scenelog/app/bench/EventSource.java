package io.scenelog.app.bench;

/** Where a fan-out phase's events come from: the writer through the platform, or the bare server. */
interface EventSource {

    /**
     * Sends the next event on its way to every client, without waiting for it.
     *
     * @param timed whether its deliveries count in the latency (false in warm-ups)
     */
    void send(boolean timed);

    /** How many events this source has sent. */
    long sent();

    /** How many of them will never reach the clients because the platform refused them. */
    default long refused() {
        return 0;
    }
}
