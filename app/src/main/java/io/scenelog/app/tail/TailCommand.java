package io.scenelog.app.tail;

import io.scenelog.app.cli.ClientOptions;
import io.scenelog.app.cli.HumanDurationConverter;
import io.scenelog.app.cli.StopSignal;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Prints committed scene events as JSON lines, the way an analytics consumer reads the commit log. */
@Command(name = "tail", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Print committed scene events (topic scene-events, read_committed) as JSON lines, one "
                + "object per event, on stdout. Live by default; stops on Ctrl-C, after --max events or after "
                + "--timeout.", "",
            "Each line: {\"sceneId\",\"version\",\"actionId\",\"emitter\":{\"clientId\",\"role\",\"sessionId\"},"
                + "\"persisted\",\"committedAt\",\"changes\":[{\"entityId\",\"kind\",\"entityVersion\","
                + "\"components\",\"removed\"}]} (see docs/launcher.md)."})
public final class TailCommand implements Callable<Integer> {

    /** How long Ctrl-C waits for the last lines to be flushed. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    @Mixin
    private ClientOptions client;

    @Option(names = "--scene", paramLabel = "SCENE_ID", description = "Only this scene (reads one partition).")
    private UUID scene;

    @Option(names = "--entity", paramLabel = "ENTITY_ID",
            description = "Only events changing this entity, narrowed to its changes.")
    private UUID entity;

    @Option(names = "--client", paramLabel = "CLIENT_ID", description = "Only events emitted by this client.")
    private String clientId;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    private Start start;

    @Option(names = "--max", paramLabel = "N", description = "Stop after printing N events.")
    private Long max;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = HumanDurationConverter.class,
            description = "Stop after running this long, e.g. 30s, 5m.")
    private Duration timeout;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Where reading starts; at most one of these. */
    static final class Start {

        @Option(names = "--from-beginning", description = "Start with the oldest retained event.")
        boolean beginning;

        @Option(names = "--from-version", paramLabel = "VERSION",
                description = "Start at this scene version (needs --scene).")
        Long version;

        @Option(names = "--from-time", paramLabel = "ISO-8601",
                description = "Start with events committed at or after this instant, e.g. 2025-01-31T12:00:00Z.")
        Instant time;

        StartPosition position() {
            if (beginning) {
                return new StartPosition.Beginning();
            } else if (version != null) {
                return new StartPosition.FromVersion(version);
            } else if (time != null) {
                return new StartPosition.FromTime(time);
            }
            return new StartPosition.Live();
        }
    }

    @Override
    public Integer call() {
        TailSettings settings = new TailSettings(client.bootstrapServers(), client.registryUrl(),
                Optional.ofNullable(scene), Optional.ofNullable(entity), Optional.ofNullable(clientId),
                start == null ? new StartPosition.Live() : start.position(),
                max == null ? OptionalLong.empty() : OptionalLong.of(max), Optional.ofNullable(timeout));
        PrintWriter out = spec.commandLine().getOut();
        try (SceneEventTail tail = SceneEventTail.open(settings);
                StopSignal signal = StopSignal.install("scenelog-tail-stop", tail::stop, STOP_GRACE)) {
            tail.run(event -> {
                out.println(EventJson.line(event));
                out.flush();
            });
        }
        out.flush();
        return 0;
    }
}
