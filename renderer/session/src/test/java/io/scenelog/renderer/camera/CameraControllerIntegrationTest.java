package io.scenelog.renderer.camera;

import static io.scenelog.renderer.scene.RunningPipeline.create;
import static org.assertj.core.api.Assertions.assertThat;

import io.scenelog.livelink.CameraOrbit;
import io.scenelog.livelink.Input;
import io.scenelog.livelink.InputEvent;
import io.scenelog.model.Camera;
import io.scenelog.model.Components;
import io.scenelog.model.EntityState;
import io.scenelog.model.Role;
import io.scenelog.model.Transform;
import io.scenelog.renderer.draw.ViewCamera;
import io.scenelog.renderer.scene.RunningPipeline;
import io.scenelog.renderer.scene.Samples;
import io.scenelog.renderer.scene.SceneReplica;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.joml.Vector3f;
import org.junit.jupiter.api.Test;

class CameraControllerIntegrationTest {

    private final RunningPipeline pipeline = RunningPipeline.get();
    private final UUID sceneId = UUID.randomUUID();
    private final UUID sessionId = UUID.randomUUID();
    private final UUID cameraId = UUID.randomUUID();

    @Test
    void shouldCommitAViewersOrbitToItsCameraEntityInTheSessionOverlay() throws Exception {
        // given a viewer whose camera entity exists (the bridge creates it on join, signed for the viewer)
        pipeline.sceneWithSession(sceneId, sessionId, Map.of("viewer", Role.VIEWER));
        Components camera = Components.newBuilder().setTransform(Samples.at(0, 0, 5))
                .setCamera(new Camera(60f, 0.1f, 1000f, "viewer")).build();
        long created = pipeline.act(sceneId, sessionId, "viewer", Role.VIEWER, false, create(cameraId, camera));

        try (SceneReplica replica = SceneReplica.start(sceneId, sessionId, pipeline.clientConfig(),
                pipeline.registry(), pipeline.streams().queries());
                CameraActionPublisher publisher = new CameraActionPublisher(sceneId, sessionId,
                        pipeline.clientConfig(), pipeline.registry(), RunningPipeline.KEY, Clock.systemUTC())) {
            replica.await(s -> s.version() >= created && s.session().isPresent(), Duration.ofSeconds(20));
            CameraController controller = new CameraController(replica::snapshot, publisher, Clock.systemUTC());

            // when the viewer orbits a quarter turn
            controller.handle("viewer", new Input(List.of(new InputEvent(0L, new CameraOrbit(90f, 0f)))));

            // then the render loop sees it at once, and the session overlay commits the same pose
            ViewCamera local = controller.view("viewer");
            assertThat(local.position().x()).isGreaterThan(4f);
            replica.await(s -> s.entity(cameraId).map(e -> near(e, local.position())).orElse(false),
                    Duration.ofSeconds(20));
            EntityState committed = pipeline.sessionState(sceneId, sessionId).overlay().stream()
                    .filter(e -> e.getEntityId().equals(cameraId)).findFirst().orElseThrow();
            assertThat(near(committed, local.position())).isTrue();
            assertThat(committed.getSessionId()).isEqualTo(sessionId);
        }
    }

    private static boolean near(EntityState camera, org.joml.Vector3fc expected) {
        Transform transform = camera.getComponents().getTransform();
        Vector3f position = new Vector3f((float) transform.getPosition().getX(),
                (float) transform.getPosition().getY(), (float) transform.getPosition().getZ());
        return position.distance(expected) < 1e-3f;
    }
}
