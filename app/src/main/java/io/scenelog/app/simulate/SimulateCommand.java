package io.scenelog.app.simulate;

import io.scenelog.app.cli.ClientOptions;
import io.scenelog.app.cli.HumanDurationConverter;
import io.scenelog.app.cli.StopSignal;
import io.scenelog.livelink.client.PlatformRest;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Runs a simulation system that writes transform updates into a scene straight through Kafka, or through the REST
 * edge and a Livelink bridge as a headless client.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Simulate an external system writing to a scene straight through Kafka (public schemas, "
                + "schema registry, idempotent producer): create N entities, then update their transforms H times "
                + "per second per entity, counting accepted and rejected results on action-results.",
            "With --via livelink it goes through the platform's front door instead: joins a session of the scene "
                + "through the REST edge (--rest-url) as a headless editor and sends the same actions over Livelink, "
                + "counting the results the bridge routes back (the bridge's rate limit answers RATE_LIMITED "
                + "beyond its allowance).",
            "Prints a progress line every second and a final line; stops by itself after --duration or --count, "
                + "or cleanly on Ctrl-C."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every action reached the platform and was answered (accepted or rejected)",
            "1:an action failed, results are missing after --drain-timeout, or the run could not start",
            "2:usage error"})
public final class SimulateCommand implements Callable<Integer> {

    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    /** Where actions travel. */
    public enum Via {
        /** Straight to the scene-actions topic. */
        KAFKA,
        /** Through the REST edge (join) and a Livelink bridge (actions and results), as a headless client. */
        LIVELINK
    }

    @Mixin
    private ClientOptions client;

    @Option(names = "--scene", paramLabel = "SCENE_ID",
            description = "The scene to write to (default with --create-scene: a new random id).")
    private UUID scene;

    @Option(names = "--create-scene", description = "Create the scene first (CreateScene control command; needs an "
            + "admin token, i.e. --token-key-file).")
    private boolean createScene;

    @Option(names = "--entities", paramLabel = "N", defaultValue = "10",
            description = "Entities to create and move (default: ${DEFAULT-VALUE}).")
    private int entities;

    @Option(names = "--rate-hz", paramLabel = "H", defaultValue = "10",
            description = "Transform updates per entity per second (default: ${DEFAULT-VALUE}).")
    private double rateHz;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Length length;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Tokens tokens;

    @Option(names = "--client-id", paramLabel = "ID",
            description = "The simulation's client id (default: the --token's subject, or sim-<random>).")
    private String clientId;

    @Option(names = "--drain-timeout", paramLabel = "DURATION", defaultValue = "15s",
            converter = HumanDurationConverter.class,
            description = "How long to wait for the last results after sending (default: ${DEFAULT-VALUE}).")
    private Duration drainTimeout;

    @Option(names = "--via", paramLabel = "PATH", defaultValue = "kafka",
            description = "How actions travel: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private Via via;

    @Option(names = "--rest-url", paramLabel = "URL", defaultValue = "${env:SCENELOG_REST_URL:-http://127.0.0.1:8080}",
            description = "With --via livelink: the REST edge to join through (env SCENELOG_REST_URL; default: "
                    + "${DEFAULT-VALUE}, the edge of `scenelog up`).")
    private String restUrl;

    @Option(names = "--session", paramLabel = "SESSION_ID",
            description = "With --via livelink: the session to join (default: find or start one of the scene).")
    private UUID session;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** How long the run lasts: exactly one. */
    static final class Length {

        @Option(names = "--duration", paramLabel = "DURATION", converter = HumanDurationConverter.class,
                description = "Send updates for this long, e.g. 30s.")
        Duration duration;

        @Option(names = "--count", paramLabel = "N", description = "Send this many transform updates in all.")
        Long count;
    }

    /** Where tokens come from: exactly one. */
    static final class Tokens {

        @Option(names = "--token", paramLabel = "JWT", description = "An editor token for the scene.")
        String token;

        @Option(names = "--token-key-file", paramLabel = "FILE",
                description = "Mint tokens from the platform's key (local machine only; `scenelog up` prints "
                        + "where it is).")
        Path keyFile;

        @Option(names = "--api-key", paramLabel = "KEY",
                description = "With --via livelink: exchange this API key for tokens at the REST edge.")
        String apiKey;

        TokenSource source(URI rest) {
            if (token != null) {
                return new TokenSource.Given(token);
            }
            return apiKey != null ? new TokenSource.ApiKey(PlatformRest.at(rest), apiKey)
                    : TokenSource.Minted.fromFile(keyFile);
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        SimulationSettings settings = settings();
        Simulation simulation = new Simulation(settings, spec.commandLine().getOut());
        SimulationReport report;
        try (StopSignal signal = StopSignal.install("scenelog-simulate-stop", simulation::stop, STOP_GRACE)) {
            report = simulation.run();
        }
        return report.complete() ? 0 : 1;
    }

    /** The settings the options give; validated here where only the command line knows the fix. */
    SimulationSettings settings() {
        if (scene == null && !createScene) {
            throw usage("Give --scene SCENE_ID, or --create-scene to create a new scene");
        }
        Optional<LivelinkRoute> livelink = route();
        if (tokens.apiKey != null && livelink.isEmpty()) {
            throw usage("--api-key needs --via livelink: straight to Kafka, give --token or --token-key-file");
        }
        TokenSource source = tokens.source(livelink.map(LivelinkRoute::restUrl).orElse(null));
        Optional<String> subject = source.subject();
        if (clientId != null && subject.isPresent() && !clientId.equals(subject.get())) {
            throw usage("--client-id " + clientId + " differs from the token's subject " + subject.get()
                    + ": platform-streams would reject every action");
        }
        String id = clientId != null ? clientId
                : subject.orElse("sim-" + UUID.randomUUID().toString().substring(0, 8));
        return new SimulationSettings(client.bootstrapServers(), client.registryUrl(),
                scene != null ? scene : UUID.randomUUID(), createScene, entities, rateHz,
                Optional.ofNullable(length.duration),
                length.count == null ? OptionalLong.empty() : OptionalLong.of(length.count), drainTimeout, id, source,
                livelink);
    }

    private Optional<LivelinkRoute> route() {
        if (via == Via.KAFKA) {
            if (session != null) {
                throw usage("--session needs --via livelink: straight to Kafka, actions belong to no session");
            }
            return Optional.empty();
        }
        URI rest;
        try {
            rest = new URI(restUrl == null ? "" : restUrl.trim());
        } catch (URISyntaxException e) {
            throw usage("--rest-url " + restUrl + " is not a URL: " + e.getMessage());
        }
        try {
            return Optional.of(new LivelinkRoute(rest, Optional.ofNullable(session)));
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
