package io.scenelog.renderer.node.internal;

import io.scenelog.model.Role;
import io.scenelog.model.SceneControl;
import io.scenelog.schemas.registry.SchemaRegistryClient;
import io.scenelog.streams.SceneCommands;
import io.scenelog.streams.auth.TokenClaims;
import io.scenelog.streams.auth.TokenIssuer;
import io.scenelog.streams.auth.TokenKey;
import io.scenelog.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's control commands to {@code scene-control} (SessionRunning, SessionLost, EndSession), signed with an
 * admin token the node mints for itself and renews well before it expires. Sends are asynchronous; a failed send is
 * logged, and the supervisor's next round repeats what still needs saying.
 */
public final class ControlChannel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ControlChannel.class);
    private static final Duration TOKEN_TTL = Duration.ofHours(1);
    private static final Duration RENEW_BEFORE = Duration.ofMinutes(10);

    private final String clientId;
    private final TokenIssuer issuer;
    private final Clock clock;
    private final KafkaProducer<String, SceneControl> producer;
    private SceneCommands commands;
    private Instant renewAt = Instant.MIN;

    public ControlChannel(String nodeId, TokenKey key, Map<String, Object> producerConfig,
            SchemaRegistryClient registry) {
        this.clientId = "render-node-" + nodeId;
        this.clock = Clock.systemUTC();
        this.issuer = new TokenIssuer(key, clock);
        this.producer = new KafkaProducer<>(producerConfig, Topics.SCENE_CONTROL.keySerde(registry).serializer(),
                Topics.SCENE_CONTROL.valueSerde(registry).serializer());
    }

    /** Reports that the node serves the session at the endpoint. */
    public void running(UUID sceneId, UUID sessionId, String nodeId, String endpoint) {
        send(commands().sessionRunning(sceneId, sessionId, nodeId, endpoint));
    }

    /** Reports that the node lost the session's renderer. */
    public void lost(UUID sceneId, UUID sessionId, String nodeId, String reason) {
        send(commands().sessionLost(sceneId, sessionId, nodeId, reason));
    }

    /** Ends the session. */
    public void end(UUID sceneId, UUID sessionId, String reason) {
        send(commands().endSession(sceneId, sessionId, reason));
    }

    private synchronized SceneCommands commands() {
        Instant now = clock.instant();
        if (!now.isBefore(renewAt)) {
            String token = issuer.issue(TokenClaims.of(clientId, Role.ADMIN), TOKEN_TTL);
            commands = new SceneCommands(clientId, token, clock);
            renewAt = now.plus(TOKEN_TTL).minus(RENEW_BEFORE);
        }
        return commands;
    }

    private void send(SceneControl command) {
        String key = command.getSceneId().toString();
        producer.send(new ProducerRecord<>(Topics.SCENE_CONTROL.name(), key, command), (metadata, error) -> {
            if (error != null) {
                LOG.warn("Could not send {} for scene {}: {}", command.getCommand().getClass().getSimpleName(),
                        key, error.toString());
            }
        });
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
