package io.scenelog.app.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/** The JVM's threads, for the report: many clients in one JVM must not mean a thread (or a pool) per client. */
final class ThreadCensus {

    private ThreadCensus() {
    }

    /** Live threads now, and how many of them are HttpClient workers. */
    static String now() {
        long workers = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("HttpClient-")).count();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return String.format(Locale.ROOT, "%d live threads, %d of them HttpClient", threads.getThreadCount(),
                workers);
    }

    /** The most live threads at once since the JVM started. */
    static String peak() {
        return ManagementFactory.getThreadMXBean().getPeakThreadCount() + " threads";
    }
}
