package io.scenelog.renderer.camera;

import io.scenelog.livelink.Input;
import io.scenelog.livelink.InputEvent;
import io.scenelog.model.Camera;
import io.scenelog.model.EntityState;
import io.scenelog.model.Role;
import io.scenelog.model.SessionClient;
import io.scenelog.renderer.camera.internal.InputGestures;
import io.scenelog.renderer.camera.internal.OrbitRig;
import io.scenelog.renderer.draw.ViewCamera;
import io.scenelog.renderer.scene.ReplicaSnapshot;
import io.scenelog.renderer.scene.internal.OnceLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.joml.Quaternionf;
import org.joml.Vector3f;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves each client's camera by its Livelink input: orbit, pan and zoom around an orbit target kept per client, and
 * walking with the keys. A move applies locally at once ({@link #view} shows it on the next frame) and goes to a
 * {@link CameraSink} to be committed to the client's camera entity, so the other clients and a restarted renderer
 * see it too. For {@link #LOCAL_HOLD} after a client's last input its local pose wins over the replica's (which
 * trails by the commit latency); after that the committed camera entity is the truth again, so a move made elsewhere
 * (the REST API, another renderer) shows. Thread-safe: input arrives on link threads, views are read by the render
 * loop.
 */
public final class CameraController {

    /** How long a client's local pose wins over its committed camera entity after its last input. */
    public static final Duration LOCAL_HOLD = Duration.ofSeconds(2);
    /** The aspect ratio assumed for pans until the client's viewport is known. */
    public static final float DEFAULT_ASPECT = 16f / 9f;

    private static final Logger LOG = LoggerFactory.getLogger(CameraController.class);
    private static final Camera DEFAULT_LENS = new Camera(ClientCameras.DEFAULT.fovYDegrees(),
            ClientCameras.DEFAULT.near(), ClientCameras.DEFAULT.far(), null);

    private final Supplier<ReplicaSnapshot> replica;
    private final CameraSink sink;
    private final Clock clock;
    private final Map<String, ClientCamera> clients = new ConcurrentHashMap<>();
    private final OnceLog problems = new OnceLog();

    /**
     * @param replica the session's scene as the render loop sees it (e.g. {@code SceneReplica::snapshot})
     * @param sink    where moves go to be committed
     * @param clock   decides when a local pose stops winning
     */
    public CameraController(Supplier<ReplicaSnapshot> replica, CameraSink sink, Clock clock) {
        this.replica = Objects.requireNonNull(replica, "replica");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Applies a batch of the client's input, oldest first. An event with numbers that are not finite (or a zoom
     * factor of 0 or less) is skipped and logged; the others still apply.
     */
    public void handle(String clientId, Input input) {
        ClientCamera client = clients.computeIfAbsent(clientId, id -> new ClientCamera());
        ReplicaSnapshot snapshot = replica.get();
        Optional<EntityState> entity = ClientCameras.entityOf(snapshot, clientId);
        Camera lens = entity.map(e -> e.getComponents().getCamera()).orElse(DEFAULT_LENS);
        synchronized (client) {
            Instant now = clock.instant();
            if (client.rig == null || !client.holding(now) && movedElsewhere(snapshot, entity, client.rig)) {
                client.rig = rigFrom(snapshot, entity);
            }
            boolean moved = false;
            for (InputEvent event : input.getEvents()) {
                try {
                    moved |= client.gestures.apply(event, client.rig, lens.getFovDegrees(), client.aspect);
                } catch (IllegalArgumentException e) {
                    problems.once("input:" + clientId + ":" + e.getMessage(), key -> LOG.warn(
                            "Ignored a camera input of client {}: {}", clientId, e.getMessage()));
                }
            }
            if (!moved) {
                return;
            }
            client.lastInput = now;
            client.lens = lens;
            publish(snapshot, clientId, entity, client.rig);
        }
    }

    /** What the client sees now: its local pose while it holds, else its committed camera entity. */
    public ViewCamera view(String clientId) {
        ClientCamera client = clients.get(clientId);
        if (client != null) {
            synchronized (client) {
                if (client.rig != null && client.holding(clock.instant())) {
                    return ClientCameras.view(client.lens, client.rig.position(), client.rig.rotation());
                }
            }
        }
        return ClientCameras.viewOf(replica.get(), clientId);
    }

    /** The client's viewport's width over height, for pans (fractions of the view become metres). */
    public void aspect(String clientId, float aspect) {
        if (!(aspect > 0f) || !Float.isFinite(aspect)) {
            throw new IllegalArgumentException("An aspect ratio must be a finite number greater than 0, got " + aspect);
        }
        ClientCamera client = clients.computeIfAbsent(clientId, id -> new ClientCamera());
        synchronized (client) {
            client.aspect = aspect;
        }
    }

    /** Forgets a client that left. */
    public void forget(String clientId) {
        clients.remove(clientId);
    }

    private static OrbitRig rigFrom(ReplicaSnapshot snapshot, Optional<EntityState> entity) {
        ViewCamera view = entity.map(e -> ClientCameras.viewOf(snapshot, e)).orElse(ClientCameras.DEFAULT);
        return OrbitRig.at(new Vector3f(view.position()), new Quaternionf(view.rotation()));
    }

    /**
     * Whether the committed camera is somewhere this controller did not put it (moved by someone else): then the rig
     * starts again from there; otherwise it keeps its orbit target.
     */
    private static boolean movedElsewhere(ReplicaSnapshot snapshot, Optional<EntityState> entity, OrbitRig rig) {
        if (entity.isEmpty()) {
            return false;
        }
        ViewCamera committed = ClientCameras.viewOf(snapshot, entity.get());
        return committed.position().distance(rig.position()) > 1e-3f
                || Math.abs(Math.abs(new Quaternionf(committed.rotation()).dot(rig.rotation())) - 1f) > 1e-4f;
    }

    private void publish(ReplicaSnapshot snapshot, String clientId, Optional<EntityState> entity, OrbitRig rig) {
        if (entity.isEmpty()) {
            problems.once("no-camera:" + clientId, key -> LOG.info(
                    "Client {} moves a camera it has no entity for yet; the move stays local.", clientId));
            return;
        }
        Optional<Role> role = snapshot.session().flatMap(session -> session.getClients().stream()
                .filter(c -> c.getClientId().equals(clientId)).map(SessionClient::getRole).findFirst());
        if (role.isEmpty()) {
            problems.once("not-joined:" + clientId, key -> LOG.info(
                    "Client {} is not (yet) a member of session {}; its camera move stays local.", clientId,
                    snapshot.session().map(s -> s.getSessionId().toString()).orElse("?")));
            return;
        }
        sink.publish(new CameraMove(clientId, role.get(), entity.get().getEntityId(), rig.transform()));
    }

    /** One client's camera state; guarded by its own monitor. */
    private static final class ClientCamera {
        private final InputGestures gestures = new InputGestures();
        private OrbitRig rig;
        private Camera lens = DEFAULT_LENS;
        private float aspect = DEFAULT_ASPECT;
        private Instant lastInput = Instant.MIN;

        boolean holding(Instant now) {
            return lastInput.plus(LOCAL_HOLD).isAfter(now);
        }
    }
}
