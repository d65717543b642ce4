package io.scenelog.livelink.client.internal;

import java.util.OptionalLong;

/**
 * The scene version a client may resume from (schemas/README.md, "Resume"): the greatest of the last
 * event's version, the last query answer's sceneVersion and the last bridge heartbeat's sceneVersion.
 * Thread-safe.
 */
public final class ResumePoint {

    private static final long NONE = -1;

    private long version = NONE;

    /** A resume point that knows no version yet. */
    public ResumePoint() {
    }

    /** A resume point starting at {@code version}, or knowing none when null. */
    public ResumePoint(Long version) {
        if (version != null) {
            this.version = version;
        }
    }

    /** Notes a version seen (event, query answer, heartbeat); a lower one changes nothing. */
    public synchronized void seen(long seen) {
        if (seen > version) {
            version = seen;
        }
    }

    /** Forgets every version (a RESET: the old versions mean nothing to the bridge). */
    public synchronized void forget() {
        version = NONE;
    }

    /** The version to resume from, if any is known. */
    public synchronized OptionalLong current() {
        return version == NONE ? OptionalLong.empty() : OptionalLong.of(version);
    }
}
