package io.scenelog.app.simulate;

import io.scenelog.livelink.client.ClientClosure;
import io.scenelog.livelink.client.ClientOptions;
import io.scenelog.livelink.client.JoinedClient;
import io.scenelog.livelink.client.LivelinkClient;
import io.scenelog.livelink.client.LivelinkClosedException;
import io.scenelog.livelink.client.PlatformRest;
import io.scenelog.model.ActionResult;
import io.scenelog.model.Role;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Through the platform's front door, as a headless client: joins a session of the scene through the REST edge (as
 * an editor, headless), then sends the actions over Livelink and counts the ActionResults the bridge routes back.
 * The client reconnects and resumes by itself when the bridge drops it (SLOW_CONSUMER, IDLE, a restart), resending
 * the actions still without a result, so a run survives a bridge restart.
 */
final class LivelinkPath implements ActionPath {

    private static final Duration CONTROL_TTL = Duration.ofMinutes(5);

    private final SimulationSettings settings;
    private final LivelinkRoute route;
    private final PathCounts counts = new PathCounts();
    private UUID sceneId;
    private LivelinkClient client;

    LivelinkPath(SimulationSettings settings, LivelinkRoute route) {
        this.settings = settings;
        this.route = route;
    }

    @Override
    public void open() {
        PlatformRest rest = PlatformRest.at(route.restUrl());
        sceneId = settings.sceneId();
        if (settings.createScene()) {
            // POST /scenes wants a token not scoped to a scene; the platform picks the new scene's id.
            String creator = settings.tokens().token(settings.clientId(), Role.EDITOR, null, CONTROL_TTL);
            sceneId = rest.createScene(creator, "simulation " + settings.clientId());
        }
        String bearer = settings.tokens().token(settings.clientId(), Role.EDITOR, sceneId, settings.tokenLifetime());
        UUID session = route.session().orElseGet(() -> rest.findOrStartSession(bearer, sceneId, null));
        JoinedClient joined = rest.join(bearer, session, Role.EDITOR, true);
        client = LivelinkClient.connect(joined.livelinkUrl(), joined.token(), ClientOptions.defaults()
                .withDisplayName("simulate " + settings.clientId())
                .withClientSoftware("scenelog-simulate")
                .withAutoReconnect(true));
        if (!client.sceneId().equals(sceneId)) {
            UUID other = client.sceneId();
            client.close();
            throw new IllegalStateException("Session " + session + " belongs to scene " + other + ", not to --scene "
                    + sceneId + ": give a session of the scene, or leave --session out to find or start one");
        }
    }

    @Override
    public UUID sceneId() {
        return sceneId;
    }

    @Override
    public String clientId() {
        return client == null ? settings.clientId() : client.clientId();
    }

    @Override
    public void send(List<Object> operations) {
        CompletableFuture<ActionResult> result;
        try {
            result = client.act(true, operations);
        } catch (LivelinkClosedException e) {
            refused(e);
            throw new IllegalStateException("The Livelink connection of client " + client.clientId()
                    + " ended: " + e.closure().describe(), e);
        } catch (IllegalArgumentException e) {
            // Refused by the client before sending (e.g. larger than the bridge accepts): nothing reached it.
            refused(e);
            return;
        }
        counts.handedOver();
        result.whenComplete((answer, failure) -> {
            if (failure != null) {
                counts.takenBack(failure instanceof Exception e ? e : new IllegalStateException(failure));
            } else {
                counts.answered(answer);
            }
        });
    }

    @Override
    public void flush() {
        // The client hands every action to the WebSocket at once; nothing is held back.
    }

    @Override
    public PathCounts counts() {
        return counts;
    }

    @Override
    public void rethrowFailure() {
        ClientClosure closure = client.closed().getNow(null);
        if (closure != null && !closure.requested()) {
            throw new IllegalStateException("The Livelink connection of client " + closure.clientId() + " ended: "
                    + closure.describe(), closure.cause());
        }
    }

    @Override
    public String refuser() {
        return "the Livelink client";
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
    }

    private void refused(Exception e) {
        counts.undelivered(e);
    }
}
