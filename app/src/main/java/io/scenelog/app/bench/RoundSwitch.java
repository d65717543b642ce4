package io.scenelog.app.bench;

/**
 * The round the clients, the commit reader and the probes report to now: one switch shared by all of them, so a phase
 * starts for everyone at once. Between phases it holds {@link Round#IDLE}.
 */
final class RoundSwitch {

    private volatile Round current = Round.IDLE;

    Round current() {
        return current;
    }

    /** Makes {@code round} the current one. */
    void start(Round round) {
        current = round;
    }

    /** Back to {@link Round#IDLE}. */
    void stop() {
        current = Round.IDLE;
    }
}
