package io.scenelog.app;

import io.scenelog.livelink.client.LivelinkClient;
import io.scenelog.livelink.client.Operations;
import io.scenelog.model.ActionResult;
import io.scenelog.model.ActionStatus;
import io.scenelog.model.Components;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A headless editor that renames one entity through Livelink at a steady pace while the test kills renderers and
 * nodes, and keeps every edit's outcome: what it was acknowledged is what must survive.
 */
final class OrchestrationEditor implements AutoCloseable {

    private final LivelinkClient client;
    private final UUID entity;
    private final ScheduledExecutorService pace = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "orchestration-editor");
        thread.setDaemon(true);
        return thread;
    });
    private final List<CompletableFuture<ActionResult>> sent = new ArrayList<>();

    private OrchestrationEditor(LivelinkClient client, UUID entity) {
        this.client = client;
        this.entity = entity;
    }

    /** Starts renaming {@code entity} every {@code period}. */
    static OrchestrationEditor start(LivelinkClient client, UUID entity, Duration period) {
        OrchestrationEditor editor = new OrchestrationEditor(client, entity);
        editor.pace.scheduleAtFixedRate(editor::edit, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        return editor;
    }

    /** How many edits were sent so far. */
    synchronized int sentCount() {
        return sent.size();
    }

    /** How many edits were acknowledged as accepted so far. */
    synchronized long acceptedCount() {
        return sent.stream().filter(f -> f.isDone() && !f.isCompletedExceptionally()
                && f.join().getStatus() == ActionStatus.ACCEPTED).count();
    }

    /**
     * Stops editing and waits for every edit's result.
     *
     * @return the results, in the order the edits were sent
     */
    List<ActionResult> stopAndCollect(Duration timeout) throws Exception {
        pace.shutdown();
        if (!pace.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("The editor did not stop within " + timeout);
        }
        List<CompletableFuture<ActionResult>> all;
        synchronized (this) {
            all = List.copyOf(sent);
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return all.stream().map(CompletableFuture::join).toList();
    }

    @Override
    public void close() {
        pace.shutdownNow();
    }

    private void edit() {
        synchronized (this) {
            String name = "edit-" + (sent.size() + 1);
            try {
                sent.add(client.act(true, List.of(Operations.update(entity, Components.newBuilder().setName(name)
                        .build()))));
            } catch (RuntimeException e) {
                // Kept as a failed edit, so the test reports it; a scheduled task that throws would just stop.
                sent.add(CompletableFuture.failedFuture(e));
            }
        }
    }
}
