package io.scenelog.app.bench.cache;

import io.scenelog.app.bench.BenchOutputOptions;
import io.scenelog.app.bench.BenchFiles;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code scenelog bench cache}: the node cache, cold and warm, each beside its peer, and many readers at once. */
@Command(name = "cache", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure the render node's asset cache in one run against the real platform (an embedded "
                + "broker and the REST edge in this JVM): the time for a renderer to get one asset cold (through an "
                + "empty node cache, beside a direct download from the platform) and warm (beside a plain file read "
                + "of the same bytes; ratio, goal >= 0.8), and many readers at once on a cold cache, each with its "
                + "own cache instance on one directory: the bytes fetched from the platform must be one copy.",
            "Prints a table; --json and --markdown also write the results to files. Exits 1 when the readers "
                + "fetched more than one copy or read bytes that did not verify."})
public final class CacheBenchCommand implements Callable<Integer> {

    @Option(names = "--size-mb", paramLabel = "MB", defaultValue = "" + CacheBenchSettings.DEFAULT_SIZE_MB,
            description = "The asset's size in MB (10^6 bytes; default: ${DEFAULT-VALUE}; the platform accepts "
                    + "uploads up to 64 MiB).")
    private int sizeMb;

    @Option(names = "--readers", paramLabel = "N", defaultValue = "" + CacheBenchSettings.DEFAULT_READERS,
            description = "Concurrent readers on a cold cache (default: ${DEFAULT-VALUE}).")
    private int readers;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "" + CacheBenchSettings.DEFAULT_ROUNDS,
            description = "Timed rounds per single-reader measurement; medians are reported (default: "
                    + "${DEFAULT-VALUE}).")
    private int rounds;

    @Mixin
    private BenchOutputOptions output;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        CacheBenchSettings settings = new CacheBenchSettings(Math.multiplyExact(sizeMb, 1_000_000), readers, rounds,
                output.json(), output.markdown());
        PrintWriter out = spec.commandLine().getOut();
        CacheBenchResults results = new CacheBench(settings, out).run();
        BenchFiles.publish(out, results.table(), settings.json(), results.json(), settings.markdown(),
                results.markdown());
        return results.oneCopyFetched() && results.readersVerified() == results.readers() ? 0 : 1;
    }

}
