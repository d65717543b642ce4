package io.scenelog.app.bench.sessions;

import io.scenelog.app.kafka.ClientConfigs;
import io.scenelog.app.simulate.Motion;
import io.scenelog.model.Components;
import io.scenelog.model.EntityState;
import io.scenelog.renderer.asset.AssetSource;
import io.scenelog.renderer.draw.DrawScene;
import io.scenelog.renderer.models.AssetModelSource;
import io.scenelog.renderer.scene.DrawSceneBuilder;
import io.scenelog.renderer.scene.ReplicaSnapshot;
import io.scenelog.renderer.scene.ReplicaStatus;
import io.scenelog.renderer.scene.SceneReplica;
import io.scenelog.schemas.registry.SchemaRegistryClient;
import io.scenelog.streams.query.RemoteSceneStateQueries;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * The scene the bare peer draws: the very state the sessions drew, read once from the platform by the renderer's own
 * replica (persisted entities, lights, settings), with the simulation's bodies moved each frame by the same motion
 * the simulation sent at the same rate. Each frame's draw scene is made by the renderer's own {@link
 * DrawSceneBuilder}, as a session's render loop makes it for every new scene version.
 */
final class PeerScene {

    private static final Duration REPLICA_TIMEOUT = Duration.ofSeconds(60);

    private final ReplicaSnapshot snapshot;
    private final List<UUID> bodies;

    PeerScene(ReplicaSnapshot snapshot, List<UUID> bodies) {
        this.snapshot = snapshot;
        this.bodies = List.copyOf(bodies);
    }

    /**
     * Reads the scene's state from the platform as a renderer would bootstrap it.
     *
     * @param bodies the simulation's bodies, in the order its motion numbers them
     * @throws IllegalStateException when the replica does not bootstrap in time
     */
    static PeerScene capture(UUID sceneId, List<UUID> bodies, String bootstrapServers, URI registryUrl,
            String streamsQueryAddress) throws InterruptedException {
        SchemaRegistryClient registry = ClientConfigs.registry(registryUrl);
        Map<String, Object> consumer = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        // A session id of no session: the replica then shows the persisted scene with an empty overlay.
        try (SceneReplica replica = SceneReplica.start(sceneId, UUID.randomUUID(), consumer, registry,
                RemoteSceneStateQueries.over(List.of(streamsQueryAddress), registry))) {
            ReplicaSnapshot snapshot = replica.await(s -> s.status() != ReplicaStatus.STARTING, REPLICA_TIMEOUT);
            if (snapshot.status() != ReplicaStatus.FOLLOWING) {
                throw new IllegalStateException("The peer's copy of scene " + sceneId + " did not bootstrap: "
                        + snapshot.status());
            }
            return new PeerScene(snapshot, bodies);
        } catch (TimeoutException e) {
            throw new IllegalStateException("The peer's copy of scene " + sceneId + " did not bootstrap within "
                    + REPLICA_TIMEOUT.toSeconds() + " s", e);
        }
    }

    /** Entities drawn per frame (lights and the moving bodies included). */
    int entities() {
        return snapshot.entities().size();
    }

    /** A draw-scene maker for one loop: the builder caches models and is used by one thread. */
    Frames frames() {
        // The scene drawn by the sessions holds primitives only (the demo scene and the simulation's spheres); an
        // asset would be drawn as the renderer's placeholder cube and logged, as a renderer does when it cannot fetch.
        AssetSource noAssets = sha256 -> {
            throw new IOException("the bare peer fetches no assets (asked for " + sha256 + ")");
        };
        return new Frames(new DrawSceneBuilder(new AssetModelSource(noAssets)));
    }

    /** Makes one loop's draw scenes. */
    final class Frames {

        private final DrawSceneBuilder builder;

        private Frames(DrawSceneBuilder builder) {
            this.builder = builder;
        }

        /** The scene {@code seconds} into the run, at scene version {@code version}. */
        DrawScene at(double seconds, long version) {
            Map<UUID, EntityState> entities = new LinkedHashMap<>(snapshot.entities());
            for (int i = 0; i < bodies.size(); i++) {
                EntityState body = entities.get(bodies.get(i));
                if (body != null) {
                    entities.put(body.getEntityId(), EntityState.newBuilder(body)
                            .setComponents(Components.newBuilder(body.getComponents())
                                    .setTransform(Motion.at(i, bodies.size(), seconds)).build())
                            .build());
                }
            }
            return builder.build(new ReplicaSnapshot(snapshot.sceneId(), snapshot.status(), version,
                    snapshot.scene(), snapshot.session(), entities));
        }
    }
}
