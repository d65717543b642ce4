package io.scenelog.renderer.session.internal;

import io.scenelog.livelink.Input;
import io.scenelog.model.Role;
import io.scenelog.nodecache.AssetCache;
import io.scenelog.nodecache.NodeCache;
import io.scenelog.nodecache.NodeCacheSettings;
import io.scenelog.renderer.camera.CameraActionPublisher;
import io.scenelog.renderer.camera.CameraController;
import io.scenelog.renderer.models.AssetModelSource;
import io.scenelog.renderer.scene.DrawSceneBuilder;
import io.scenelog.renderer.scene.SceneReplica;
import io.scenelog.renderer.session.SessionRendererSettings;
import io.scenelog.schemas.registry.SchemaRegistryClient;
import io.scenelog.streams.auth.TokenClaims;
import io.scenelog.streams.auth.TokenIssuer;
import io.scenelog.streams.auth.TokenKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Assembles the scene side of a renderer: the node cache under the model source under the draw-scene builder, and
 * the camera controller that publishes its clients' moves as transient actions.
 */
final class SceneWiring {

    private static final Duration NODE_TOKEN_TTL = Duration.ofMinutes(5);

    private SceneWiring() {
    }

    static ReplicaSceneView open(SessionRendererSettings settings, SceneReplica replica, SchemaRegistryClient registry,
            TokenKey tokenKey) {
        Clock clock = Clock.systemUTC();
        TokenIssuer issuer = new TokenIssuer(tokenKey, clock);
        TokenClaims nodeClaims = TokenClaims.of("render-node-" + settings.nodeId(), Role.VIEWER);
        AssetCache cache;
        try {
            cache = NodeCache.open(NodeCacheSettings.defaults(settings.cacheDirectory(),
                    URI.create(settings.assetBaseUrl()), () -> issuer.issue(nodeClaims, NODE_TOKEN_TTL))
                    .withMaxBytes(settings.cacheMaxBytes()));
        } catch (IOException e) {
            replica.close();
            throw new UncheckedIOException("Cannot open the node cache in " + settings.cacheDirectory() + ": "
                    + e.getMessage(), e);
        }
        DrawSceneBuilder builder = new DrawSceneBuilder(new AssetModelSource(new NodeCacheAssets(cache,
                settings.sceneId())));
        Map<String, Object> producer = new HashMap<>(settings.kafkaOverrides());
        producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        CameraActionPublisher publisher = new CameraActionPublisher(settings.sceneId(), settings.sessionId(), producer,
                registry, tokenKey, clock);
        CameraController cameras = new CameraController(replica::snapshot, publisher, clock);
        return new ReplicaSceneView(replica, builder::build, (snapshot, client) -> cameras.view(client),
                new ReplicaSceneView.InputSink() {
                    @Override
                    public void input(String clientId, Input input) {
                        cameras.handle(clientId, input);
                    }

                    @Override
                    public void aspect(String clientId, float aspect) {
                        cameras.aspect(clientId, aspect);
                    }

                    @Override
                    public void forget(String clientId) {
                        cameras.forget(clientId);
                    }
                }, List.of(publisher, cache));
    }
}
