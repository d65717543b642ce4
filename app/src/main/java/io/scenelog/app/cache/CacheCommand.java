package io.scenelog.app.cache;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code scenelog cache}: the node cache of a render node, for operators. */
@Command(name = "cache", mixinStandardHelpOptions = true,
        description = "Inspect a render node's asset cache.",
        subcommands = {CacheStatusCommand.class})
public final class CacheCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
