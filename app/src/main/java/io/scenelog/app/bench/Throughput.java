package io.scenelog.app.bench;

/**
 * A throughput measurement: committed events per second, as a reader saw them.
 *
 * @param events  events in the timed window
 * @param seconds the window's length
 * @param cpu     where the JVM's CPU went in the window (broker, clients and system measured share it), or null
 */
record Throughput(long events, double seconds, CpuProfile.Usage cpu) {

    Throughput(long events, double seconds) {
        this(events, seconds, null);
    }

    /** The JVM's CPU time per event in the window, in microseconds (NaN when not measured). */
    double cpuMicrosPerEvent() {
        return cpu == null || events == 0 ? Double.NaN : cpu.total() * seconds * 1e6 / events;
    }

    /** Events per second. */
    double perSecond() {
        return seconds > 0 ? events / seconds : 0;
    }

    /** This rate over another's. */
    double ratioTo(Throughput other) {
        return other.perSecond() > 0 ? perSecond() / other.perSecond() : 0;
    }
}
