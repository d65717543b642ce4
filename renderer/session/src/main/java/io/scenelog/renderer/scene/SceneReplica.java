package io.scenelog.renderer.scene;

import io.scenelog.renderer.scene.internal.ReplicaFollower;
import io.scenelog.schemas.registry.SchemaRegistryClient;
import io.scenelog.streams.query.SceneStateQueries;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * A renderer's live copy of one session's view of its scene (DESIGN §4–§6): bootstraps from the platform's state
 * query at a scene version, then follows {@code scene-events} in version order, applying persisted changes and this
 * session's transient ones with the pipeline's own {@code evolve}. A missed version makes it bootstrap again.
 *
 * <p>Following runs on a thread of its own; {@link #snapshot()} never blocks: it returns the last state the follower
 * published, whole (never half an event). Close it to stop following.
 */
public final class SceneReplica implements AutoCloseable {

    private final UUID sceneId;
    private final UUID sessionId;
    private final ReplicaFollower follower;
    private final Object published = new Object();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile ReplicaSnapshot current;

    private SceneReplica(UUID sceneId, UUID sessionId, Map<String, Object> consumerConfig,
            SchemaRegistryClient registry, SceneStateQueries queries) {
        this.sceneId = Objects.requireNonNull(sceneId, "sceneId");
        this.sessionId = Objects.requireNonNull(sessionId, "sessionId");
        this.current = ReplicaSnapshot.starting(sceneId);
        this.follower = new ReplicaFollower(sceneId, sessionId, consumerConfig, registry, queries, this::publish);
    }

    /**
     * Starts a replica of a session's view of its scene.
     *
     * @param consumerConfig Kafka consumer settings (bootstrap servers, security); the replica reads without a group
     * @param registry       the schema registry the pipeline writes with
     * @param queries        the platform's state queries ({@code RemoteSceneStateQueries} from another process)
     */
    public static SceneReplica start(UUID sceneId, UUID sessionId, Map<String, Object> consumerConfig,
            SchemaRegistryClient registry, SceneStateQueries queries) {
        SceneReplica replica = new SceneReplica(sceneId, sessionId, consumerConfig, registry, queries);
        replica.follower.start();
        return replica;
    }

    /** The scene followed. */
    public UUID sceneId() {
        return sceneId;
    }

    /** The session whose view this is. */
    public UUID sessionId() {
        return sessionId;
    }

    /** The latest published state; never blocks. */
    public ReplicaSnapshot snapshot() {
        return current;
    }

    /** The digest of the latest published state. */
    public SceneDigest digest() {
        return current.digest();
    }

    /** How many times the replica bootstrapped: 1 once started, more after a missed version. */
    public int bootstraps() {
        return follower.bootstraps();
    }

    /**
     * Waits until the published state satisfies a condition (or the replica stops for good without it).
     *
     * @return the first snapshot that satisfies it
     * @throws TimeoutException when none does within the timeout, or the replica stopped
     */
    public ReplicaSnapshot await(Predicate<ReplicaSnapshot> condition, Duration timeout)
            throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (published) {
            while (true) {
                ReplicaSnapshot snapshot = current;
                if (condition.test(snapshot)) {
                    return snapshot;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || snapshot.status().isFinal()) {
                    throw new TimeoutException("The replica of scene " + sceneId + " for session " + sessionId
                            + " did not reach the condition within " + timeout + "; it is " + snapshot.status()
                            + " at " + snapshot.digest());
                }
                published.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    /**
     * Calls {@code listener} each time a new state is published, on the replica's own thread: it must return at once
     * (e.g. wake another thread that then reads {@link #snapshot}).
     */
    public void onPublished(Runnable listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Waits until the replica shows at least this scene version; see {@link #await}. */
    public ReplicaSnapshot awaitVersion(long version, Duration timeout) throws TimeoutException, InterruptedException {
        return await(s -> s.status() == ReplicaStatus.FOLLOWING && s.version() >= version, timeout);
    }

    @Override
    public void close() {
        follower.close();
    }

    private void publish(ReplicaSnapshot snapshot) {
        synchronized (published) {
            current = snapshot;
            published.notifyAll();
        }
        listeners.forEach(Runnable::run);
    }
}
