package io.scenelog.renderer.session.internal;

import io.scenelog.livelink.Input;
import io.scenelog.model.SessionClient;
import io.scenelog.renderer.draw.DrawScene;
import io.scenelog.renderer.draw.ViewCamera;
import io.scenelog.renderer.scene.ReplicaSnapshot;
import io.scenelog.renderer.scene.SceneReplica;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.joml.Vector3f;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scene view over the session's {@link SceneReplica}: each frame draws the replica's latest snapshot.
 *
 * <p>The snapshot-to-DrawScene step and the per-client cameras come in as functions ({@code DrawSceneBuilder},
 * {@code CameraController}, assembled by {@link SceneWiring}), with the parts to close when the view closes.
 */
public final class ReplicaSceneView implements SceneView {

    private static final Logger LOG = LoggerFactory.getLogger(ReplicaSceneView.class);

    /** Until a client's camera entity exists: a view of the origin from above and in front. */
    public static final ViewCamera DEFAULT_CAMERA = ViewCamera.lookingAt(new Vector3f(4f, 3f, 6f), new Vector3f(),
            60f, 0.1f, 1000f);

    private final SceneReplica replica;
    private final Function<ReplicaSnapshot, DrawScene> builder;
    private final BiFunction<ReplicaSnapshot, String, ViewCamera> cameras;
    private final InputSink inputs;
    private final List<AutoCloseable> parts;
    private volatile ReplicaSnapshot drawn;

    /** Where clients' input and viewports go (the camera controller). */
    public interface InputSink {
        /** Applies a client's input. */
        void input(String clientId, Input input);

        /** The client's picture's width over height. */
        void aspect(String clientId, float aspect);

        /** Forgets a client that left. */
        void forget(String clientId);
    }

    public ReplicaSceneView(SceneReplica replica, Function<ReplicaSnapshot, DrawScene> builder,
            BiFunction<ReplicaSnapshot, String, ViewCamera> cameras, InputSink inputs, List<AutoCloseable> parts) {
        this.replica = replica;
        this.builder = builder;
        this.cameras = cameras;
        this.inputs = inputs;
        this.parts = List.copyOf(parts);
        this.drawn = replica.snapshot();
    }

    @Override
    public long version() {
        return replica.snapshot().version();
    }

    @Override
    public void onChange(Runnable wake) {
        replica.onPublished(wake);
    }

    @Override
    public DrawScene drawScene() {
        ReplicaSnapshot snapshot = replica.snapshot();
        drawn = snapshot;
        return builder.apply(snapshot);
    }

    @Override
    public ViewCamera camera(String clientId) {
        return cameras.apply(drawn, clientId);
    }

    @Override
    public void input(String clientId, Input input) {
        inputs.input(clientId, input);
    }

    @Override
    public void viewport(String clientId, int width, int height) {
        inputs.aspect(clientId, (float) width / height);
    }

    @Override
    public void forget(String clientId) {
        inputs.forget(clientId);
    }

    /** Whether the session's record marks the client headless (such clients never get video). */
    public boolean headless(String clientId) {
        return replica.snapshot().session().stream().flatMap(session -> session.getClients().stream())
                .filter(client -> client.getClientId().equals(clientId)).anyMatch(SessionClient::getHeadless);
    }

    @Override
    public void close() {
        replica.close();
        for (AutoCloseable part : parts) {
            try {
                part.close();
            } catch (Exception e) {
                LOG.warn("Closing {} failed; the renderer stops anyway.", part, e);
            }
        }
    }
}
