package io.scenelog.app.bench;

/**
 * A throughput measurement: committed events per second, as a reader saw them.
 *
 * @param events  events in the timed window
 * @param seconds the window's length
 */
record Throughput(long events, double seconds) {

    /** Events per second. */
    double perSecond() {
        return seconds > 0 ? events / seconds : 0;
    }

    /** This rate over another's. */
    double ratioTo(Throughput other) {
        return other.perSecond() > 0 ? perSecond() / other.perSecond() : 0;
    }
}
