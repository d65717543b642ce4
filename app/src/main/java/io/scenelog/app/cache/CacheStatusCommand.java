package io.scenelog.app.cache;

import io.scenelog.nodecache.CacheStatus;
import io.scenelog.nodecache.NodeCache;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scenelog cache status --dir D}: what a node cache directory holds and how well it served, read from the
 * directory alone (no running node needed; safe while one runs).
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Print a node cache directory's entries, bytes, size bound and hit ratio (of every renderer"
                + " process that used it), read from the directory without a running node."})
public final class CacheStatusCommand implements Callable<Integer> {

    @Option(names = "--dir", paramLabel = "DIRECTORY", required = true,
            description = "The node cache directory: cache/ under a render node's --work-dir (up: "
                    + "<data-dir>/render-node/cache).")
    private Path directory;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    private boolean json;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Optional<CacheStatus> status = NodeCache.status(directory);
        if (status.isEmpty()) {
            spec.commandLine().getErr().println("No node cache in " + directory.toAbsolutePath()
                    + " (it has no blobs/ directory); give the directory a render node was started with.");
            return 1;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? json(status.get()) : table(status.get()));
        out.flush();
        return 0;
    }

    static String table(CacheStatus status) {
        return String.format(Locale.ROOT, "entries    %d%nbytes      %d (%s)%nmax bytes  %s%nhits       %d%n"
                        + "misses     %d%nhit ratio  %.3f%n", status.entries(), status.bytes(), human(status.bytes()),
                status.maxBytes() < 0 ? "unknown" : status.maxBytes() + " (" + human(status.maxBytes()) + ")",
                status.hits(), status.misses(), status.hitRatio());
    }

    static String json(CacheStatus status) {
        return String.format(Locale.ROOT, "{\"entries\":%d,\"bytes\":%d,\"maxBytes\":%d,\"hits\":%d,\"misses\":%d,"
                        + "\"hitRatio\":%.4f}%n", status.entries(), status.bytes(), status.maxBytes(), status.hits(),
                status.misses(), status.hitRatio());
    }

    private static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
