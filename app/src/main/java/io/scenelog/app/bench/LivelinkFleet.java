package io.scenelog.app.bench;

import io.scenelog.livelink.DisconnectReason;
import io.scenelog.livelink.client.ClientClosure;
import io.scenelog.livelink.client.ClientOptions;
import io.scenelog.livelink.client.JoinedClient;
import io.scenelog.livelink.client.LivelinkClient;
import io.scenelog.livelink.client.LivelinkListener;
import io.scenelog.livelink.client.LivelinkRefusedException;
import io.scenelog.livelink.client.PlatformRest;
import io.scenelog.model.Role;
import io.scenelog.model.SceneEvent;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The fan-out benchmark's connected clients: headless Livelink clients of the Java client library, each joined to the
 * session through REST as a user's program would, then connected to the bridge. Client 0 is an editor (the end-to-end
 * probe acts through it), the others are viewers. All share one {@link HttpClient} (one selector thread and one
 * executor for every socket) and the library's one timer thread. Each client's listener reports every event to the
 * current round; lost connections (they reconnect and resume by themselves) are counted.
 */
final class LivelinkFleet implements AutoCloseable {

    /** Joins and handshakes in parallel: each join waits for the pipeline to commit the session change. */
    private static final int CONNECTING_THREADS = 8;
    /** Connects refused as retryable (the bridge was busy) are tried again, as a user's program would. */
    private static final int CONNECT_ATTEMPTS = 5;
    private static final int RETRY_MILLIS = 500;

    private final PlatformRest rest;
    private final String bearer;
    private final UUID sessionId;
    private final HttpClient http;
    private final RoundSwitch rounds;
    private final List<LivelinkClient> clients = new ArrayList<>();
    private final LongAdder connectionsLost = new LongAdder();
    private final LongAdder slowConsumer = new LongAdder();
    private final LongAdder closedForGood = new LongAdder();
    private final LongAdder refusedConnects = new LongAdder();

    /**
     * @param rest      the REST edge
     * @param bearer    a token that may join the session as an editor
     * @param sessionId the session every client joins
     */
    LivelinkFleet(PlatformRest rest, String bearer, UUID sessionId, HttpClient http, RoundSwitch rounds) {
        this.rest = rest;
        this.bearer = bearer;
        this.sessionId = sessionId;
        this.http = http;
        this.rounds = rounds;
    }

    /**
     * Joins and connects clients until there are {@code count}. The first client connects alone: it makes the
     * bridge open the scene's window, which concurrent first connections would race for (they are refused
     * UNAVAILABLE, and retried).
     */
    void growTo(int count) throws InterruptedException {
        if (clients.isEmpty() && count > 0) {
            clients.add(connect(0));
        }
        ExecutorService pool = Executors.newFixedThreadPool(CONNECTING_THREADS);
        try {
            List<Future<LivelinkClient>> connecting = new ArrayList<>();
            for (int index = clients.size(); index < count; index++) {
                int client = index;
                connecting.add(pool.submit(() -> connect(client)));
            }
            for (Future<LivelinkClient> client : connecting) {
                clients.add(client.get());
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("A fan-out client could not join and connect: " + e.getCause(),
                    e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** The editor client, which the end-to-end probe acts through. */
    LivelinkClient editor() {
        return clients.get(0);
    }

    int size() {
        return clients.size();
    }

    /** Connections the bridge or the network ended, whatever the client did next. */
    long connectionsLost() {
        return connectionsLost.sum();
    }

    /** Of those, the bridge's Disconnect SLOW_CONSUMER. */
    long slowConsumerDisconnects() {
        return slowConsumer.sum();
    }

    /** Connection attempts the bridge refused as retryable (and that were retried). */
    long refusedConnects() {
        return refusedConnects.sum();
    }

    /** Clients that closed for good without the benchmark asking (they gave up reconnecting). */
    long closedForGood() {
        return closedForGood.sum();
    }

    /** Closes every client and connects as many new ones (new joins), for a fresh start after an overload. */
    void reset() throws InterruptedException {
        int count = clients.size();
        close();
        growTo(count);
    }

    @Override
    public void close() {
        ExecutorService pool = Executors.newFixedThreadPool(CONNECTING_THREADS);
        try {
            clients.forEach(client -> pool.execute(client::close));
        } finally {
            pool.shutdown();
        }
        try {
            pool.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        clients.clear();
    }

    private LivelinkClient connect(int index) throws InterruptedException {
        JoinedClient joined = rest.join(bearer, sessionId, index == 0 ? Role.EDITOR : Role.VIEWER, true);
        ClientOptions options = ClientOptions.defaults()
                .withDisplayName("bench-fanout-" + index)
                .withClientSoftware("scenelog-bench-fanout")
                .withAutoReconnect(true)
                .withHttpClient(http)
                .withListener(new Listener(index));
        for (int attempt = 1; ; attempt++) {
            try {
                return LivelinkClient.connect(joined.livelinkUrl(), joined.token(), options);
            } catch (LivelinkRefusedException e) {
                if (!e.retryable() || attempt == CONNECT_ATTEMPTS) {
                    throw e;
                }
                refusedConnects.increment();
                TimeUnit.MILLISECONDS.sleep(e.retryAfterMillis().orElse(RETRY_MILLIS));
            }
        }
    }

    /** One client's listener: events to the round, losses to the counters. */
    private final class Listener implements LivelinkListener {
        private final int index;

        Listener(int index) {
            this.index = index;
        }

        @Override
        public void onEvent(SceneEvent event) {
            rounds.current().delivered(index, event, System.nanoTime());
        }

        @Override
        public void onConnectionLost(ClientClosure cause) {
            count(cause);
        }

        @Override
        public void onClosed(ClientClosure closure) {
            if (!closure.requested()) {
                count(closure);
                closedForGood.increment();
            }
        }

        private void count(ClientClosure cause) {
            connectionsLost.increment();
            if (cause.disconnectReason() == DisconnectReason.SLOW_CONSUMER) {
                slowConsumer.increment();
            }
        }
    }
}
