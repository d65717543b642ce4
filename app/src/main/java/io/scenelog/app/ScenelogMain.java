package io.scenelog.app;

import io.scenelog.app.bench.BenchCommand;
import io.scenelog.app.simulate.SimulateCommand;
import io.scenelog.app.streams.StreamsCommand;
import io.scenelog.app.tail.TailCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The Scenelog launcher: one jar, every role. {@code up} runs the whole platform on one machine; the other
 * subcommands run one role each (for a cluster) or serve operators.
 */
@Command(name = "scenelog",
        mixinStandardHelpOptions = true,
        versionProvider = ScenelogVersion.class,
        description = "Real-time collaborative 3D scenes rendered in the cloud, built around a Kafka commit log.",
        subcommands = {UpCommand.class, StreamsCommand.class, EdgeCommand.class, BridgeCommand.class,
            RenderNodeCommand.class, RegistryCommand.class,
            TopicsCommand.class,
            SimulateCommand.class, TailCommand.class, BenchCommand.class, io.scenelog.app.cache.CacheCommand.class})
public final class ScenelogMain implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Runs the launcher and exits the JVM with the command's exit code. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the launcher and returns its exit code (0 success, 1 failure, 2 usage error). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The launcher's command line, configured as {@link #main} runs it (tests redirect its output). */
    static CommandLine commandLine() {
        return new CommandLine(new ScenelogMain())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(new FailureHandler());
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
