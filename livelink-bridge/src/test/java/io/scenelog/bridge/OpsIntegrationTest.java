package io.scenelog.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Gauge;
import io.scenelog.livelink.Disconnect;
import io.scenelog.livelink.DisconnectReason;
import io.scenelog.model.SceneAction;
import io.scenelog.model.SceneEvent;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Health, metrics, several bridges at once, and a clean stop. */
class OpsIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int CHURN = 10;

    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.get();
    }

    @Test
    void shouldReportHealthUpAndLive() throws Exception {
        // when
        HttpResponse<String> ready = get(platform.bridge().baseUri().resolve("/health"));
        HttpResponse<String> live = get(platform.bridge().baseUri().resolve("/health/live"));

        // then
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"status\":\"UP\"").contains("\"sceneFeed\":\"UP\"")
                .contains("\"sessionsView\":\"UP\"");
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(platform.bridge().health().ready()).isTrue();
    }

    @Test
    void shouldServePrometheusMetrics() throws Exception {
        // given: some traffic
        UUID scene = platform.rest().createScene("metrics");
        UUID session = platform.rest().createSession(scene, "persistent");
        try (RawLivelink client = RawLivelink.connect(platform.bridge().livelinkUri())) {
            client.join(platform.rest().join(scene, session, "viewer", true).token());

            // when
            HttpResponse<String> metrics = get(platform.bridge().baseUri().resolve("/metrics"));

            // then
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("scenelog_bridge_connections")
                    .contains("scenelog_bridge_frames_received_total{channel=\"hello\"}")
                    .contains("scenelog_bridge_frames_sent_total{channel=\"welcome\"}")
                    .contains("scenelog_bridge_refusals_total{reason=\"UNAUTHORIZED\"}")
                    .contains("scenelog_bridge_fanout_latency_seconds_bucket")
                    .contains("scenelog_bridge_queued_frames");
        }
    }

    @Test
    void shouldCarryAnEditBetweenClientsOfDifferentBridges() {
        // given: two bridges, one client on each, in one session
        UUID scene = platform.rest().createScene("two-bridges");
        UUID session = platform.rest().createSession(scene, "persistent");
        RestCalls.Joined editor = platform.rest().join(scene, session, "editor", true);
        RestCalls.Joined viewer = platform.rest().join(scene, session, "viewer", true);
        try (LivelinkBridge second = platform.startBridge(b -> b.bridgeId("second"));
                RawLivelink editing = RawLivelink.connect(platform.bridge().livelinkUri());
                RawLivelink watching = RawLivelink.connect(second.livelinkUri())) {
            editing.join(editor.token());
            assertThat(watching.join(viewer.token()).getBridgeId()).isEqualTo("second");

            // when
            SceneAction create = Actions.of(editor).create(UUID.randomUUID(), "across bridges", true);
            editing.send(create);

            // then
            SceneEvent seen = watching.awaitFirst(SceneEvent.class, e -> e.getActionId().equals(create.getActionId()));
            assertThat(seen.getEmitter().getClientId()).isEqualTo(editor.clientId());
        }
    }

    @Test
    void shouldTellClientsToReconnectElsewhereWhenItStops() {
        // given
        UUID scene = platform.rest().createScene("stopping");
        UUID session = platform.rest().createSession(scene, "persistent");
        LivelinkBridge stopping = platform.startBridge(b -> b);
        try (RawLivelink client = RawLivelink.connect(stopping.livelinkUri())) {
            client.join(platform.rest().join(scene, session, "viewer", true).token());

            // when
            stopping.close();

            // then
            Disconnect disconnect = client.awaitDisconnect();
            assertThat(disconnect.getReason()).isEqualTo(DisconnectReason.SERVER_SHUTDOWN);
            assertThat(disconnect.getRetryAfterMillis()).isNotNull();
            assertThat(client.awaitClose()).isEqualTo(1001);
        }
    }

    @Test
    void shouldForgetTheTimersOfClosedConnections() {
        // given: a bridge of its own, with its sweeper as its only timer
        UUID scene = platform.rest().createScene("timers");
        UUID session = platform.rest().createSession(scene, "persistent");
        try (LivelinkBridge bridge = platform.startBridge(b -> b)) {
            Gauge timers = bridge.meterRegistry().find("scenelog_bridge_pending_timers").gauge();
            double idle = timers.value();

            // when: clients come and go (each connection schedules its hello timeout, heartbeat and token expiry)
            for (int i = 0; i < CHURN; i++) {
                try (RawLivelink client = RawLivelink.connect(bridge.livelinkUri())) {
                    client.join(platform.rest().join(scene, session, "viewer", true).token());
                }
            }

            // then: none of their timers waits on (a token's expiry is minutes away)
            await().atMost(RawLivelink.WAIT).until(() -> bridge.connections() == 0 && timers.value() <= idle);
        }
    }

    private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
