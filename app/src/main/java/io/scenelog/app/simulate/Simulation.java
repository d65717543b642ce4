package io.scenelog.app.simulate;

import io.scenelog.model.Components;
import io.scenelog.model.CreateEntity;
import io.scenelog.model.MeshRef;
import io.scenelog.model.PrimitiveShape;
import io.scenelog.model.Transform;
import io.scenelog.model.UpdateComponents;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A simulation system writing to a scene, straight to Kafka as an external one does with only the public schemas,
 * the registry and an idempotent producer, or through the REST edge and a Livelink bridge as a headless client
 * ({@link ActionPath}): it creates its bodies, then sends one transform update per body at the configured rate,
 * paced by a scheduler (updates due by the clock are sent at each tick, so a late tick catches up instead of
 * drifting), and counts its results. Progress goes to {@code out} once a second.
 */
public final class Simulation {

    /** Operations per creation action: large enough to be quick, small enough for a comfortable record size. */
    private static final int CREATES_PER_ACTION = 100;

    private final SimulationSettings settings;
    private final ProgressLine progress;
    private final List<UUID> entities = new ArrayList<>();
    private final Map<UUID, Transform> last = new ConcurrentHashMap<>();
    private final AtomicReference<RuntimeException> fatal = new AtomicReference<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean signalled;

    /** A simulation that reports to {@code out}. */
    public Simulation(SimulationSettings settings, PrintWriter out) {
        this.settings = settings;
        this.progress = new ProgressLine(out);
        for (int i = 0; i < settings.entities(); i++) {
            entities.add(UUID.randomUUID());
        }
    }

    /** Ends the run early (Ctrl-C); {@link #run()} then prints its final line and returns. */
    public void stop() {
        signalled = true;
        stopped.countDown();
    }

    /** Runs to the end (or {@link #stop()}), then waits up to the drain timeout for the last results. */
    public SimulationReport run() throws InterruptedException {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "scenelog-simulate");
            thread.setDaemon(true);
            return thread;
        });
        try (ActionPath path = ActionPath.of(settings)) {
            path.open();
            Instant start = Instant.now();
            Pacer pacer = new Pacer(start, settings.totalUpdates(), settings.entities(), settings.rateHz(),
                    (index, seconds) -> path.send(move(index, seconds)));
            createEntities(path);
            scheduler.scheduleAtFixedRate(() -> progress.print(report(path, start, false)), 1, 1,
                    TimeUnit.SECONDS);
            scheduler.scheduleAtFixedRate(() -> tick(pacer), 0, Pacer.tickMicros(settings.rateHz()),
                    TimeUnit.MICROSECONDS);
            stopped.await();
            scheduler.shutdownNow();
            path.flush();
            if (fatal.get() != null) {
                progress.printFinal(report(path, start, false), fatal.get(), path.refuser());
                throw new IllegalStateException("The simulation stopped: " + fatal.get().getMessage(), fatal.get());
            }
            drain(path);
            path.rethrowFailure();
            SimulationReport report = report(path, start, signalled);
            progress.printFinal(report, path.counts().firstFailure(), path.refuser());
            return report;
        } finally {
            scheduler.shutdownNow();
        }
    }

    /**
     * One scheduler tick. A task that throws is silently cancelled by the scheduler, so a failure to send (the
     * producer or the connection closed, a record it cannot serialize) is kept and ends the run instead.
     */
    private void tick(Pacer pacer) {
        try {
            if (pacer.tick() >= settings.totalUpdates()) {
                stopped.countDown();
            }
        } catch (RuntimeException e) {
            fatal.compareAndSet(null, e);
            stopped.countDown();
        }
    }

    private void createEntities(ActionPath path) {
        List<Object> operations = new ArrayList<>();
        for (int i = 0; i < entities.size(); i++) {
            Transform transform = Motion.at(i, entities.size(), 0);
            last.put(entities.get(i), transform);
            operations.add(CreateEntity.newBuilder().setEntityId(entities.get(i))
                    .setComponents(Components.newBuilder().setName("body-" + i).setTransform(transform)
                            .setMesh(MeshRef.newBuilder().setAsset(null).setPrimitive(PrimitiveShape.SPHERE).build())
                            .build())
                    .build());
            if (operations.size() == CREATES_PER_ACTION || i == entities.size() - 1) {
                path.send(List.copyOf(operations));
                operations.clear();
            }
        }
    }

    private List<Object> move(long index, double seconds) {
        int entity = (int) (index % entities.size());
        Transform transform = Motion.at(entity, entities.size(), seconds);
        last.put(entities.get(entity), transform);
        return List.of(UpdateComponents.newBuilder().setEntityId(entities.get(entity))
                .setComponents(Components.newBuilder().setTransform(transform).build())
                .setExpectedVersion(null).build());
    }

    private void drain(ActionPath path) throws InterruptedException {
        Instant deadline = Instant.now().plus(settings.drainTimeout());
        PathCounts counts = path.counts();
        while (!signalled && counts.sent() > counts.accepted() + counts.rejected()
                && Instant.now().isBefore(deadline)) {
            // Results arrive on the path's own thread; checking ten times a second is plenty for a console tool.
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    private SimulationReport report(ActionPath path, Instant start, boolean signalled) {
        PathCounts counts = path.counts();
        return new SimulationReport(path.sceneId(), path.clientId(), entities, last, counts.sent(), counts.failed(),
                counts.accepted(), counts.rejected(), counts.reasons(), Duration.between(start, Instant.now()),
                signalled);
    }
}
