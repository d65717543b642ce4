package io.scenelog.app.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenelog.nodecache.NodeCache;
import io.scenelog.nodecache.NodeCacheSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CacheStatusCommandTest {

    @TempDir
    Path directory;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return new CommandLine(new CacheStatusCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(args);
    }

    @Test
    void shouldPrintTheStatusOfADirectoryWithoutARunningNode() throws Exception {
        // given: a node opened the directory with a bound and left a blob in it
        Path cache = directory.resolve("cache");
        NodeCache.open(NodeCacheSettings.defaults(cache, URI.create("http://127.0.0.1:9"), () -> "unused")
                .withMaxBytes(1_000_000)).close();
        Path blob = cache.resolve("blobs").resolve("ab").resolve("ab" + "0".repeat(62));
        Files.createDirectories(blob.getParent());
        Files.write(blob, new byte[1234]);
        // when
        int exit = run("--dir", cache.toString(), "--json");
        // then
        assertThat(exit).isZero();
        assertThat(out.toString()).contains("\"entries\":1", "\"bytes\":1234", "\"maxBytes\":1000000",
                "\"hitRatio\":0.0000");
    }

    @Test
    void shouldPrintATable() throws Exception {
        // given
        Path cache = directory.resolve("cache");
        NodeCache.open(NodeCacheSettings.defaults(cache, URI.create("http://127.0.0.1:9"), () -> "unused")).close();
        // when
        int exit = run("--dir", cache.toString());
        // then
        assertThat(exit).isZero();
        assertThat(out.toString()).contains("entries    0", "max bytes  10737418240 (10.0 GiB)", "hit ratio  0.000");
    }

    @Test
    void shouldSayWhenTheDirectoryHoldsNoCache() {
        // when
        int exit = run("--dir", directory.resolve("nothing").toString());
        // then
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("No node cache in");
    }
}
