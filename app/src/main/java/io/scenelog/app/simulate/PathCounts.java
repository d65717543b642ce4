package io.scenelog.app.simulate;

import io.scenelog.model.ActionResult;
import io.scenelog.model.ActionStatus;
import io.scenelog.model.ReasonCode;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What one simulation client's actions came to, whichever path they took: handed over, never delivered (with the
 * first reason), accepted, rejected by reason. Thread-safe: the sending thread and the results' thread both count.
 */
final class PathCounts {

    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final Map<ReasonCode, AtomicLong> reasons = new EnumMap<>(ReasonCode.class);

    PathCounts() {
        for (ReasonCode reason : ReasonCode.values()) {
            reasons.put(reason, new AtomicLong());
        }
    }

    /** An action was handed to the platform (acknowledged by Kafka, or taken by the Livelink connection). */
    void handedOver() {
        sent.incrementAndGet();
    }

    /** An action counted as handed over never reached the platform after all. */
    void takenBack(Exception why) {
        sent.decrementAndGet();
        undelivered(why);
    }

    /** An action never reached the platform. */
    void undelivered(Exception why) {
        failed.incrementAndGet();
        firstFailure.compareAndSet(null, why);
    }

    /** Counts the platform's answer to an action. */
    void answered(ActionResult result) {
        if (result.getStatus() == ActionStatus.ACCEPTED) {
            accepted.incrementAndGet();
        } else {
            rejected.incrementAndGet();
            reasons.get(result.getReason() == null ? ReasonCode.UNKNOWN : result.getReason()).incrementAndGet();
        }
    }

    long sent() {
        return sent.get();
    }

    long failed() {
        return failed.get();
    }

    Exception firstFailure() {
        return firstFailure.get();
    }

    long accepted() {
        return accepted.get();
    }

    long rejected() {
        return rejected.get();
    }

    /** Rejections by reason, only the reasons seen. */
    Map<ReasonCode, Long> reasons() {
        Map<ReasonCode, Long> seen = new EnumMap<>(ReasonCode.class);
        reasons.forEach((reason, n) -> {
            if (n.get() > 0) {
                seen.put(reason, n.get());
            }
        });
        return seen;
    }
}
