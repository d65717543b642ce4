package io.scenelog.edge.api;

import io.scenelog.edge.http.ApiException;
import io.scenelog.edge.http.ErrorCode;
import io.scenelog.edge.kafka.CommandGateway;
import io.scenelog.model.ActionResult;
import io.scenelog.model.ApiKeyRecord;
import io.scenelog.model.AssetRecord;
import io.scenelog.model.SceneControl;
import io.scenelog.model.SceneRecord;
import io.scenelog.model.SceneStatus;
import io.scenelog.model.SessionRecord;
import io.scenelog.streams.query.SceneSnapshot;
import io.scenelog.streams.query.SceneStateQueries;
import io.scenelog.streams.query.StateNotQueryableException;
import io.scenelog.topics.TopicView;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.KafkaException;

/**
 * What the routes share: the views of the metadata topics, the gateway to the pipeline, the edge's service token
 * and the pipeline's state queries, with the waits that give a caller read-your-writes.
 */
final class Platform {

    /** The Kafka-side parts, present once the edge has started them (they need its schema registry up). */
    record Parts(TopicView<SceneRecord> scenes, TopicView<SessionRecord> sessions, TopicView<AssetRecord> assets,
            TopicView<ApiKeyRecord> apiKeys, CommandGateway gateway) {
    }

    private final ServiceToken service;
    private final PipelineLink pipeline;
    private final Clock clock;
    private final Duration timeout;
    private volatile Parts parts;

    Platform(ServiceToken service, PipelineLink pipeline, Clock clock, Duration timeout) {
        this.service = service;
        this.pipeline = pipeline;
        this.clock = clock;
        this.timeout = timeout;
    }

    /** Makes the Kafka-side parts available to the routes. */
    void start(Parts started) {
        this.parts = started;
    }

    /** The started parts, or empty before start. */
    Optional<Parts> parts() {
        return Optional.ofNullable(parts);
    }

    TopicView<SceneRecord> scenes() {
        return started().scenes();
    }

    TopicView<SessionRecord> sessions() {
        return started().sessions();
    }

    TopicView<AssetRecord> assets() {
        return started().assets();
    }

    TopicView<ApiKeyRecord> apiKeys() {
        return started().apiKeys();
    }

    CommandGateway gateway() {
        return started().gateway();
    }

    ServiceToken service() {
        return service;
    }

    PipelineLink pipeline() {
        return pipeline;
    }

    Clock clock() {
        return clock;
    }

    /** Sends a control command and returns its accepted scene version, or throws the matching error. */
    long control(SceneControl command, UUID sessionIdOrNull) {
        ActionResult result = gateway().submit(command, sessionIdOrNull);
        return ActionOutcomes.acceptedVersion(result);
    }

    /** An active scene from the view. */
    Optional<SceneRecord> activeScene(UUID sceneId) {
        return scenes().get(sceneId.toString()).filter(scene -> scene.getStatus() == SceneStatus.ACTIVE);
    }

    /** The scene's sessions that have not ended, oldest first. */
    List<SessionRecord> liveSessions(UUID sceneId) {
        return sessions().values().stream()
                .filter(session -> session.getSceneId().equals(sceneId) && ResourceJson.live(session))
                .sorted(Comparator.comparing(SessionRecord::getCreatedAt)
                        .thenComparing(session -> session.getSessionId().toString()))
                .toList();
    }

    /**
     * The scene's persisted state at its current version.
     *
     * @throws ApiException NOT_FOUND for an unknown or deleted scene, UNAVAILABLE when the state cannot be read now
     */
    SceneSnapshot snapshot(UUID sceneId) {
        try {
            return queries().scene(sceneId)
                    .orElseThrow(() -> ApiException.notFound("No scene " + sceneId));
        } catch (StateNotQueryableException e) {
            throw ApiException.unavailable("The scene's state cannot be read right now (" + e.getMessage() + ")");
        }
    }

    /** The state queries, or UNAVAILABLE while the pipeline is not attached. */
    SceneStateQueries queries() {
        return pipeline.queries().orElseThrow(
                () -> ApiException.unavailable("The commit pipeline's state is not available yet"));
    }

    /** Waits until a view has everything committed so far (after a write the caller will read back). */
    void catchUp(TopicView<?> view) {
        try {
            view.awaitCaughtUp(timeout);
        } catch (TimeoutException e) {
            throw ApiException.of(ErrorCode.TIMEOUT, "The edge's view did not catch up within "
                    + timeout.toSeconds() + " s; the change is committed, read it again shortly");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.unavailable("Interrupted while waiting for the committed change");
        } catch (IllegalStateException e) {
            throw ApiException.unavailable("The edge's view stopped: " + e.getMessage());
        } catch (KafkaException e) {
            // Kafka's own timeouts and errors (end offsets unreachable): the broker, not the request, is at fault
            throw ApiException.unavailable("Kafka cannot be reached to confirm the change is visible: "
                    + e.getMessage());
        }
    }

    private Parts started() {
        Parts current = parts;
        if (current == null) {
            throw ApiException.unavailable("The edge is still starting");
        }
        return current;
    }

}
