package io.scenelog.app.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Groups the benchmarks; each subcommand measures one part of the platform against a peer. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks that report ratios against a peer measured in the same run.",
        subcommands = {CommitBenchCommand.class, RestBenchCommand.class, FanoutBenchCommand.class,
            io.scenelog.app.bench.cache.CacheBenchCommand.class,
            io.scenelog.app.bench.frames.FramesBenchCommand.class,
            io.scenelog.app.bench.sessions.SessionsBenchCommand.class,
            io.scenelog.app.bench.glass.GlassBenchCommand.class})
public final class BenchCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
