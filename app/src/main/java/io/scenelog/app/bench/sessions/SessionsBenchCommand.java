package io.scenelog.app.bench.sessions;

import io.scenelog.app.bench.BenchOutputOptions;
import io.scenelog.app.bench.BenchFiles;
import io.scenelog.app.cli.HumanDurationConverter;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code scenelog bench sessions}: how many single-viewer sessions one node holds, beside bare render+encode loops. */
@Command(name = "sessions", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure how many single-viewer sessions this machine holds with the platform colocated: the "
                + "platform as up runs it (broker, pipeline, edge, bridge, one render node) in this JVM, the demo "
                + "scene moved by a simulation at the stream rate; for each size, k = 1, 2, 3, ... sessions, each "
                + "with its own renderer process and one Java video client through the bridge, until some stream "
                + "delivers less than --min-fps over the window. The peer, in the same run with the platform stopped: "
                + "k bare render+encode loops (Vulkan + FFmpeg, one thread each, paced the same) drawing the same "
                + "scene, stepped the same way; the ratio is sessions held over bare streams held.",
            "Prints a table; --json and --markdown also write the results to files."})
public final class SessionsBenchCommand implements Callable<Integer> {

    @Option(names = "--sizes", paramLabel = "WxH[,WxH...]", split = ",", defaultValue = "640x360,1280x720",
            description = "Stream sizes, each climbed in turn (default: ${DEFAULT-VALUE}).")
    private List<String> sizes;

    @Option(names = "--codec", paramLabel = "CODEC", defaultValue = "h264",
            description = "h264 or vp8 (default: ${DEFAULT-VALUE}).")
    private String codec;

    @Option(names = "--fps", paramLabel = "N", defaultValue = "30",
            description = "The frame rate every stream asks for (default: ${DEFAULT-VALUE}).")
    private int fps;

    @Option(names = "--min-fps", paramLabel = "N", defaultValue = "29",
            description = "The rate every stream must deliver for a step to hold (default: ${DEFAULT-VALUE}).")
    private double minFps;

    @Option(names = "--max-sessions", paramLabel = "N", defaultValue = "8",
            description = "The last step: sessions (and bare loops) at once (default: ${DEFAULT-VALUE}).")
    private int maxSessions;

    @Option(names = "--platform-warmup", paramLabel = "DURATION", defaultValue = "90s",
            converter = HumanDurationConverter.class,
            description = "How long the platform runs with the simulation before its idle load and the first step "
                    + "are measured: its JVMs compile their hot paths in the first minute or two "
                    + "(default: ${DEFAULT-VALUE}).")
    private Duration platformWarmup;

    @Option(names = "--warmup", paramLabel = "DURATION", defaultValue = "15s",
            converter = HumanDurationConverter.class,
            description = "How long all streams of a step run before the window: each session's renderer is a fresh "
                    + "JVM (default: ${DEFAULT-VALUE}).")
    private Duration warmup;

    @Option(names = "--window", paramLabel = "DURATION", defaultValue = "10s",
            converter = HumanDurationConverter.class,
            description = "How long each stream's delivered frames are counted (default: ${DEFAULT-VALUE}).")
    private Duration window;

    @Option(names = "--bodies", paramLabel = "N", defaultValue = "3",
            description = "Bodies the simulation moves in the scene, one update each per frame "
                    + "(default: ${DEFAULT-VALUE}).")
    private int bodies;

    @Option(names = "--no-peer", description = "Skip the bare render+encode loops (no ratio).")
    private boolean noPeer;

    @Mixin
    private BenchOutputOptions output;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SessionsBenchSettings settings;
        try {
            settings = new SessionsBenchSettings(sizes.stream().map(StreamSize::parse).distinct().toList(),
                    SessionsBenchSettings.codec(codec), fps, minFps, maxSessions, platformWarmup, warmup,
                    window, bodies, !noPeer,
                    output.json(), output.markdown());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        SessionsBenchResults results = new SessionsBench(settings, out).run();
        BenchFiles.publish(out, results.table(), settings.json(), results.json(), settings.markdown(),
                results.markdown());
        return 0;
    }

}
