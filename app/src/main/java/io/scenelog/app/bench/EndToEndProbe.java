package io.scenelog.app.bench;

import io.scenelog.livelink.client.LivelinkClient;
import io.scenelog.livelink.client.Operations;
import io.scenelog.model.ActionStatus;
import io.scenelog.model.EntityChange;
import io.scenelog.model.SceneEvent;
import io.scenelog.model.Transform;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * The end-to-end probe: the editor client acts over Livelink ({@link LivelinkClient#act}) at a modest paced rate, each
 * action moving one entity to x = its sequence number, and the probe times each from the {@code act()} call until the
 * last of the connected clients has received the committed event (sequence read back from the event, so nothing
 * races the call's return).
 */
final class EndToEndProbe implements Round.Tap {

    private final String actorId;
    private final UUID entity;
    private final int clients;
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final Histogram micros = new Histogram(Round.HIGHEST_MICROS, 3);
    private final LongAdder completedTimed = new LongAdder();
    private final LongAdder rejected = new LongAdder();

    /**
     * @param actorId the editor's client id (its events' emitter)
     * @param entity  the entity it moves (nothing else writes it)
     * @param clients how many clients must receive each event
     */
    EndToEndProbe(String actorId, UUID entity, int clients) {
        this.actorId = actorId;
        this.entity = entity;
        this.clients = clients;
    }

    /**
     * Acts at {@code rate} for the warm-up, then timed for {@code duration}, then waits up to {@code drain} for the
     * last events to reach everyone.
     */
    EndToEnd run(LivelinkClient actor, double rate, Duration warmUp, Duration duration, Duration drain)
            throws InterruptedException {
        long warm = PacedSender.run(rate, warmUp, (i, due) -> act(actor, i, false));
        long timed = PacedSender.run(rate, duration, (i, due) -> act(actor, warm + i, true));
        long deadline = System.nanoTime() + drain.toNanos();
        while (completedTimed.sum() < timed && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
        synchronized (micros) {
            return new EndToEnd(clients, rate, Percentiles.of(micros, timed - completedTimed.sum()), rejected.sum());
        }
    }

    @Override
    public void delivered(int client, SceneEvent event, long nanos) {
        if (!actorId.equals(event.getEmitter().getClientId()) || event.getChanges().isEmpty()) {
            return;
        }
        EntityChange change = event.getChanges().get(0);
        Transform transform = change.getComponents().getTransform();
        if (!entity.equals(change.getEntityId()) || transform == null) {
            return;
        }
        long sequence = (long) transform.getPosition().getX();
        Pending action = pending.get(sequence);
        if (action != null && action.remaining.decrementAndGet() == 0) {
            pending.remove(sequence);
            if (action.timed) {
                synchronized (micros) {
                    micros.recordValue(Math.min(Round.HIGHEST_MICROS, (nanos - action.startNanos) / 1000));
                }
                completedTimed.increment();
            }
        }
    }

    private void act(LivelinkClient actor, long sequence, boolean timed) {
        // Registered before the call: a client may receive the event before act() returns.
        pending.put(sequence, new Pending(System.nanoTime(), timed, clients));
        actor.act(true, List.of(Operations.update(entity, Operations.placedAt(sequence, 0, 0))))
                .whenComplete((result, failure) -> {
                    if (failure != null || result.getStatus() != ActionStatus.ACCEPTED) {
                        rejected.increment();
                    }
                });
    }

    /** An action on its way: when it was sent and how many clients have yet to receive it. */
    private static final class Pending {
        private final long startNanos;
        private final boolean timed;
        private final AtomicInteger remaining;

        Pending(long startNanos, boolean timed, int clients) {
            this.startNanos = startNanos;
            this.timed = timed;
            this.remaining = new AtomicInteger(clients);
        }
    }
}
