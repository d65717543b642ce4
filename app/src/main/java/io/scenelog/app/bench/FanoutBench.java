package io.scenelog.app.bench;

import io.scenelog.bridge.BridgeLimits;
import io.scenelog.livelink.client.PlatformRest;
import io.scenelog.model.SceneEvent;
import io.scenelog.model.SessionMode;
import io.scenelog.schemas.livelink.FrameCodec;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The fan-out benchmark (issue 5; DESIGN §11: ratios against a peer measured in the same run). For each number of
 * clients: connect that many headless Livelink clients to the bridge; one writer produces transform updates straight
 * to Kafka, paced and then as fast as the slowest client takes them, each delivery timed from the commit; an editor
 * client acts over Livelink and each action is timed until every client has its event; then the bare peer broadcasts
 * the same event frames to as many plain WebSocket clients, paced and saturated the same way.
 */
final class FanoutBench {

    /** Saturation's bound on events sent and not yet at every client: half the bridge's default outbound queue. */
    static final int SATURATION_WINDOW = BridgeLimits.defaults().outboundQueueFrames() / 2;

    private static final Duration SATURATION_WARM_UP = Duration.ofSeconds(1);
    /**
     * Once, before anything is measured (at most --duration): the JIT compiles the hot paths of both sides, which
     * keeps a core busy for seconds.
     */
    private static final Duration PRIMING = Duration.ofSeconds(5);
    private static final Duration DRAIN = Duration.ofSeconds(30);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration TOKEN_TTL = Duration.ofHours(24);
    /** One entity for the end-to-end probe, the others moved by the writer in turn. */
    private static final int ENTITIES = 16;

    private final FanoutBenchSettings settings;
    private final PrintWriter out;
    private final FrameCodec codec = new FrameCodec(BridgeLimits.defaults().maxFrameBytes());

    FanoutBench(FanoutBenchSettings settings, PrintWriter out) {
        this.settings = settings;
        this.out = out;
    }

    FanoutResults run() throws InterruptedException {
        say("Starting an embedded broker, the edge with the REST API, platform-streams (commit "
                + settings.commitInterval().toMillis() + " ms) and a Livelink bridge.");
        try (FanoutPlatform platform = FanoutPlatform.start(settings.commitInterval())) {
            RestScene scene = new RestSetup(new ApiHttp(platform.apiUri(), REQUEST_TIMEOUT))
                    .prepare(platform.adminKey(), 1, ENTITIES);
            PlatformRest rest = PlatformRest.at(platform.apiUri(),
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), REQUEST_TIMEOUT);
            String admin = rest.tokenFromApiKey(platform.adminKey(), null, null, TOKEN_TTL);
            UUID session = rest.findOrStartSession(admin, scene.sceneId(), SessionMode.PERSISTENT);
            say("Set up through the API: scene " + scene.sceneId() + " with " + ENTITIES + " entities, session "
                    + session + ", writer " + scene.peer().name() + ".");
            // Every client's WebSocket, the bridge's and the bare peer's, on one HttpClient: one selector thread
            // and one executor for all of them.
            HttpClient transport = HttpClient.newHttpClient();
            RoundSwitch rounds = new RoundSwitch();
            try (CommitWatch watch = new CommitWatch(platform.bootstrapServers(), platform.registry(),
                    scene.sceneId(), rounds);
                    LivelinkFleet fleet = new LivelinkFleet(rest, admin, session, transport, rounds);
                    BareBroadcastServer bare = BareBroadcastServer.start(
                            BridgeLimits.defaults().outboundQueueFrames())) {
                Phases phases = new Phases(platform, new DirectActions(scene), watch, fleet, bare, transport, rounds);
                List<FanoutRun> runs = new ArrayList<>();
                List<String> threads = new ArrayList<>();
                for (int clients : settings.clientCounts()) {
                    fleet.growTo(clients);
                    threads.add(clients + " clients: " + ThreadCensus.now());
                    say("Connected " + clients + " Livelink clients (" + ThreadCensus.now() + "; "
                            + fleet.refusedConnects() + " connects refused as retryable so far, retried).");
                    if (runs.isEmpty()) {
                        phases.prime(clients);
                    }
                    runs.add(phases.runFor(clients));
                }
                String clientSide = "All clients share one java.net.http.HttpClient and the client library's timer "
                        + "thread; JVM threads after connecting " + String.join(", ", threads) + "; peak "
                        + ThreadCensus.peak();
                return new FanoutResults(platform.describe(), settings, runs, clientSide);
            }
        }
    }

    /** The phases of one fleet size. */
    private final class Phases {
        private final FanoutPlatform platform;
        private final DirectActions actions;
        private final RestScene scene;
        private final CommitWatch watch;
        private final LivelinkFleet fleet;
        private final BareBroadcastServer bare;
        private final HttpClient transport;
        private final RoundSwitch rounds;

        Phases(FanoutPlatform platform, DirectActions actions, CommitWatch watch, LivelinkFleet fleet,
                BareBroadcastServer bare, HttpClient transport, RoundSwitch rounds) {
            this.platform = platform;
            this.actions = actions;
            this.scene = actions.scene();
            this.watch = watch;
            this.fleet = fleet;
            this.bare = bare;
            this.transport = transport;
            this.rounds = rounds;
        }

        /**
         * Runs both paths once, unmeasured, so the first measured phase does not pay for the JIT: paced through the
         * bridge for the platform warm-up (the JIT needs minutes on 2 cores), then a short saturation of each.
         */
        void prime(int clients) throws InterruptedException {
            if (!settings.platformWarmUp().isZero()) {
                bridge(clients, "platform warm-up (discarded)", (source, round) -> PhaseDriver.paced(source, round,
                        platform::queuedFrames, settings.rate(), Duration.ZERO, settings.platformWarmUp()));
            }
            Duration priming = PRIMING.compareTo(settings.duration()) < 0 ? PRIMING : settings.duration();
            bridge(clients, "priming (discarded)", (source, round) -> PhaseDriver.saturate(source, round,
                    platform::queuedFrames, Duration.ZERO, priming, SATURATION_WINDOW));
            try (BareFleet bareFleet = new BareFleet(transport, bare.uri(), rounds, codec)) {
                bareFleet.growTo(clients);
                awaitBareConnections(clients);
                bare(clients, sample(), "priming (discarded)", (source, round) -> PhaseDriver.saturate(source,
                        round, bare::inFlight, Duration.ZERO, priming, SATURATION_WINDOW));
            }
        }

        private SceneEvent sample() {
            return watch.sample().orElseThrow(() -> new IllegalStateException(
                    "The writer's events never reached the commit log, so the bare peer has no frame to send"));
        }

        FanoutRun runFor(int clients) throws InterruptedException {
            FanoutPhase bridgePaced = bridge(clients, "paced", (source, round) -> PhaseDriver.paced(source, round,
                    platform::queuedFrames, settings.rate(), settings.warmUp(), settings.duration()));
            FanoutPhase bridgeSaturated = bridge(clients, "saturation", (source, round) -> PhaseDriver.saturate(
                    source, round, platform::queuedFrames, SATURATION_WARM_UP, settings.saturation(),
                    SATURATION_WINDOW));
            EndToEnd endToEnd = endToEnd(clients);
            SceneEvent sample = sample();
            try (BareFleet bareFleet = new BareFleet(transport, bare.uri(), rounds, codec)) {
                bareFleet.growTo(clients);
                awaitBareConnections(clients);
                FanoutPhase barePaced = bare(clients, sample, "paced", (source, round) -> PhaseDriver.paced(source,
                        round, bare::inFlight, settings.rate(), settings.warmUp(), settings.duration()));
                FanoutPhase bareSaturated = bare(clients, sample, "saturation", (source, round) ->
                        PhaseDriver.saturate(source, round, bare::inFlight, SATURATION_WARM_UP, settings.saturation(),
                                SATURATION_WINDOW));
                return new FanoutRun(clients, bridgePaced, bridgeSaturated, barePaced, bareSaturated, endToEnd);
            }
        }

        private FanoutPhase bridge(int clients, String kind, Drive drive) throws InterruptedException {
            long slowBefore = platform.slowConsumerDrops();
            long lostBefore = fleet.connectionsLost();
            Round round = new Round(scene.peer().name(), watch.lastVersion(), clients, null);
            rounds.start(round);
            PhaseDriver.Window window;
            CpuProfile.Usage cpu;
            OptionalDouble queuing;
            boolean drained;
            try (KafkaWriter writer = new KafkaWriter(platform.bootstrapServers(), platform.registry(),
                    actions, scene.entities().subList(1, scene.entities().size()), watch)) {
                CpuProfile profile = CpuProfile.start();
                FanoutPlatform.TimerReading timerBefore = platform.fanoutTimer();
                window = drive.run(writer, round);
                queuing = platform.fanoutTimer().meanSince(timerBefore);
                cpu = profile.stop();
                drained = PhaseDriver.drain(writer, round, DRAIN);
                writer.rethrowFailure();
            } finally {
                rounds.stop();
            }
            watch.rethrowFailure();
            FanoutPhase phase = new FanoutPhase(window, round.finish(), platform.slowConsumerDrops() - slowBefore,
                    fleet.connectionsLost() - lostBefore, drained, cpu, queuing);
            report(clients, "bridge, " + kind, phase);
            if (!drained) {
                // The clients are still behind: the next phase would measure this one's backlog. Start afresh.
                say("Reconnecting the " + clients + " clients, so the next phase does not inherit this one's "
                        + "backlog.");
                fleet.reset();
            }
            return phase;
        }

        private FanoutPhase bare(int clients, SceneEvent sample, String kind, Drive drive)
                throws InterruptedException {
            Round round = new Round(sample.getEmitter().getClientId(), 0, clients, null);
            rounds.start(round);
            PhaseDriver.Window window;
            CpuProfile.Usage cpu;
            boolean drained;
            try {
                BareSource source = new BareSource(bare, sample, codec, rounds);
                CpuProfile profile = CpuProfile.start();
                window = drive.run(source, round);
                cpu = profile.stop();
                drained = PhaseDriver.drain(source, round, DRAIN);
            } finally {
                rounds.stop();
            }
            FanoutPhase phase = new FanoutPhase(window, round.finish(), 0, 0, drained, cpu, OptionalDouble.empty());
            report(clients, "bare broadcast, " + kind, phase);
            return phase;
        }

        private EndToEnd endToEnd(int clients) throws InterruptedException {
            EndToEndProbe probe = new EndToEndProbe(fleet.editor().clientId(), scene.entities().get(0), clients);
            rounds.start(new Round(null, 0, clients, probe));
            EndToEnd result;
            try {
                result = probe.run(fleet.editor(), settings.endToEndRate(), settings.warmUp(), settings.duration(),
                        DRAIN);
            } finally {
                rounds.stop();
            }
            say(String.format(Locale.ROOT, "%d clients, end to end at %.0f/s: p50 %.1f ms, p99 %.1f ms, %d actions "
                    + "not seen by every client, %d rejected.", clients, result.rate(), result.latency().p50(),
                    result.latency().p99(), result.latency().missing(), result.rejected()));
            return result;
        }

        private void awaitBareConnections(int clients) throws InterruptedException {
            long deadline = System.nanoTime() + DRAIN.toNanos();
            while (bare.connections() < clients) {
                if (System.nanoTime() - deadline > 0) {
                    throw new IllegalStateException("The bare peer server saw " + bare.connections() + " of "
                            + clients + " clients connect");
                }
                TimeUnit.MILLISECONDS.sleep(10);
            }
        }
    }

    /** Runs a phase's source against its round. */
    @FunctionalInterface
    private interface Drive {
        PhaseDriver.Window run(EventSource source, Round round);
    }

    private void report(int clients, String phase, FanoutPhase result) {
        Round.Outcome outcome = result.outcome();
        PhaseDriver.Backlog backlog = result.window().backlog();
        say(String.format(Locale.ROOT, "%d clients, %s: %,.0f deliveries/s (%,.0f events/s), p50 %.1f ms, p99 %.1f "
                + "ms, max %.1f ms; %d lost, %d behind, %d duplicated, %d slow-consumer disconnects; in flight %.0f "
                + "before and %.0f after the reference, %.0f frames queued at the server per client%s%s. CPU %s.",
                clients, phase, result.deliveriesPerSecond(),
                result.window().events().perSecond(), outcome.latency().p50(), outcome.latency().p99(),
                outcome.latency().max(), outcome.lost(), outcome.behind(), outcome.duplicated(),
                result.slowConsumer(), backlog.awaitingReference(), backlog.awaitingDelivery(),
                backlog.queuedPerClient(), result.bridgeQueuing().isPresent() ? String.format(Locale.ROOT,
                        "; the bridge's own timer, pipeline commit to queued: mean %.1f ms",
                        result.bridgeQueuing().getAsDouble()) : "",
                result.drained() ? "" : "; NOT drained within " + DRAIN.toSeconds() + " s", result.cpu().line()));
    }

    private void say(String line) {
        out.println("bench: " + line);
        out.flush();
    }
}
