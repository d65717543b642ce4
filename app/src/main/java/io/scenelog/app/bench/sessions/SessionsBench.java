package io.scenelog.app.bench.sessions;

import io.scenelog.app.LocalPlatformAccess;
import io.scenelog.app.demo.DemoScene;
import io.scenelog.app.simulate.Simulation;
import io.scenelog.app.simulate.SimulationReport;
import io.scenelog.app.simulate.SimulationSettings;
import io.scenelog.app.simulate.TokenSource;
import io.scenelog.livelink.client.PlatformRest;
import io.scenelog.model.Role;
import io.scenelog.streams.StreamsSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Runs the benchmark: the platform as {@code up} runs it, in this JVM, with a render node of room for every step and
 * the demo scene moving (a simulation straight to Kafka); every stream size climbed with sessions; then, with the
 * platform stopped, the same sizes climbed with bare render+encode loops drawing the same scene.
 */
final class SessionsBench {

    private static final Duration FIRST_FRAME = Duration.ofSeconds(60);
    private static final Duration ADMIN_TOKEN_LIFETIME = Duration.ofHours(12);
    /** As {@code up}'s default. */
    private static final Duration COMMIT_INTERVAL = StreamsSettings.DEFAULT_COMMIT_INTERVAL;
    private static final Duration SIMULATION_LENGTH = Duration.ofHours(6);
    private static final Duration SIMULATION_STOP = Duration.ofSeconds(60);
    private static final String SIMULATION_CLIENT = "bench-sessions-simulation";

    private final SessionsBenchSettings settings;
    private final PrintWriter progress;
    private final StepWindow window;

    SessionsBench(SessionsBenchSettings settings, PrintWriter progress) {
        this.settings = settings;
        this.progress = progress;
        this.window = new StepWindow(settings.warmup(), settings.window(), FIRST_FRAME);
    }

    SessionsBenchResults run() throws InterruptedException {
        Path work = createWorkDirectory();
        try {
            List<Ladder.Climb> platformClimbs = new ArrayList<>();
            Optional<PeerScene> peerScene;
            String renderNode;
            SimulationReport report;
            OptionalDouble idle;
            progress.println("Starting the platform as up runs it (broker, pipeline, edge, bridge, render node)...");
            progress.flush();
            try (LocalPlatformAccess platform = LocalPlatformAccess.start(work.resolve("platform"), COMMIT_INTERVAL,
                    settings.maxSessions())) {
                renderNode = "the platform's own (as up starts it), room for " + settings.maxSessions()
                        + " sessions, one renderer process each";
                String apiKey = platform.adminKey();
                URI api = URI.create(platform.apiUrl());
                PlatformRest rest = PlatformRest.at(URI.create(platform.apiUrl().replaceAll("/$", "")));
                String admin = rest.tokenFromApiKey(apiKey, Role.ADMIN, null, ADMIN_TOKEN_LIFETIME);
                SessionAdmin sessions = new SessionAdmin(api, admin);
                UUID scene = sessions.sceneNamed(DemoScene.NAME).orElseThrow(() -> new IllegalStateException(
                        "The platform seeded no scene named " + DemoScene.NAME));
                // A deployment hands a simulation a token: one for editing this scene, from the admin API key.
                TokenSource.Given token = new TokenSource.Given(rest.tokenFromApiKey(apiKey, Role.EDITOR, scene,
                        ADMIN_TOKEN_LIFETIME));
                Simulation simulation = new Simulation(simulationSettings(platform, scene, token),
                        new PrintWriter(Writer.nullWriter()));
                CompletableFuture<SimulationReport> simulated = runInBackground(simulation);
                progress.printf("platform without sessions, the simulation moving the scene: %d s of warm-up, then "
                        + "its load...%n", settings.platformWarmup().toSeconds());
                progress.flush();
                // This is the benchmark's clock, not a test's: the platform and the simulation run meanwhile.
                TimeUnit.NANOSECONDS.sleep(settings.platformWarmup().toNanos());
                idle = window.idleLoad();
                progress.println("  CPU " + Tables.percent(idle));
                progress.flush();
                PlatformSteps steps = new PlatformSteps(sessions, rest, admin, scene, settings, window, progress);
                try {
                    for (StreamSize size : settings.sizes()) {
                        platformClimbs.add(steps.climb(size));
                    }
                } finally {
                    simulation.stop();
                }
                report = await(simulated);
                peerScene = settings.peer() ? Optional.of(PeerScene.capture(scene, report.entities(),
                        platform.bootstrapServers(), URI.create(platform.registryUrl()),
                        platform.streamsQueryAddress())) : Optional.empty();
            }
            List<SizeResult> sizes = new ArrayList<>();
            for (int i = 0; i < settings.sizes().size(); i++) {
                StreamSize size = settings.sizes().get(i);
                Optional<Ladder.Climb> bare = Optional.empty();
                if (peerScene.isPresent()) {
                    bare = Optional.of(new BareSteps(peerScene.get(), settings, window, progress).climb(size));
                }
                sizes.add(new SizeResult(size, platformClimbs.get(i), bare));
            }
            return new SessionsBenchResults(settings, renderNode, Runtime.getRuntime().availableProcessors(),
                    peerScene.map(PeerScene::entities).orElse(0), String.format(Locale.ROOT, "%d bodies moved at %d "
                    + "Hz straight to Kafka for %.0f s: %d updates sent, %d accepted, %d rejected",
                    report.entities().size(), settings.fps(), report.elapsed().toMillis() / 1000.0, report.sent(),
                    report.accepted(), report.rejected()), idle, sizes);
        } finally {
            delete(work);
        }
    }

    private SimulationSettings simulationSettings(LocalPlatformAccess platform, UUID scene, TokenSource.Given token) {
        return new SimulationSettings(platform.bootstrapServers(), URI.create(platform.registryUrl()), scene, false,
                settings.bodies(), settings.fps(), Optional.of(SIMULATION_LENGTH), OptionalLong.empty(),
                Duration.ofSeconds(5), token.subject().orElse(SIMULATION_CLIENT), token);
    }

    private static CompletableFuture<SimulationReport> runInBackground(Simulation simulation) {
        CompletableFuture<SimulationReport> report = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                report.complete(simulation.run());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                report.completeExceptionally(e);
            } catch (RuntimeException e) {
                report.completeExceptionally(e);
            }
        }, "bench-sessions-simulation");
        thread.setDaemon(true);
        thread.start();
        return report;
    }

    private static SimulationReport await(CompletableFuture<SimulationReport> simulated) throws InterruptedException {
        try {
            return simulated.get(SIMULATION_STOP.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("The simulation moving the scene failed: " + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("The simulation moving the scene did not stop within "
                    + SIMULATION_STOP.toSeconds() + " s", e);
        }
    }

    private static Path createWorkDirectory() {
        try {
            return Files.createTempDirectory("scenelog-bench-sessions-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the benchmark's work directory", e);
        }
    }

    private void delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            progress.println("Could not delete the benchmark's work directory " + directory + ": " + e.getMessage());
            progress.flush();
        }
    }
}
