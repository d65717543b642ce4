package io.scenelog.nodecache.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scenelog.nodecache.CacheFullException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A disk that fills up in the middle of a download: evict and try once more, or refuse leaving nothing. */
class EvictingFetcherTest {

    private static final String OLD = "a".repeat(64);
    private static final BlobRef NEW = new BlobRef("b".repeat(64), -1, "/assets/x/content");

    @TempDir
    Path root;

    private CacheDirectory directory;
    private final AtomicInteger evictions = new AtomicInteger();
    private final AtomicInteger attempts = new AtomicInteger();

    @BeforeEach
    void storeAnOldBlob() throws IOException {
        directory = CacheDirectory.create(root);
        Files.createDirectories(directory.blobPath(OLD).getParent());
        Files.write(directory.blobPath(OLD), new byte[100]);
    }

    private EvictingFetcher fetcher(int failures) {
        Fetcher diskFullAtFirst = (ref, target) -> {
            Files.write(target, new byte[50]);
            if (attempts.incrementAndGet() <= failures) {
                throw new LocalWriteException("No space left on device", new IOException("ENOSPC"));
            }
            return new Fetcher.Fetched(50, ref.sha256());
        };
        Evictor evictor = new Evictor(directory, 1_000, 0, dir -> Long.MAX_VALUE, evictions::incrementAndGet);
        return new EvictingFetcher(diskFullAtFirst, evictor);
    }

    @Test
    void shouldEvictAndRetryWhenTheDiskFillsUpDuringADownload() throws IOException {
        // given
        Path target = directory.partPath(NEW.sha256());
        // when
        Fetcher.Fetched fetched = fetcher(1).fetch(NEW, target);
        // then
        assertThat(fetched.bytes()).isEqualTo(50);
        assertThat(attempts).hasValue(2);
        assertThat(evictions).hasValue(1);
        assertThat(directory.blobPath(OLD)).doesNotExist();
    }

    @Test
    void shouldRefuseAndDeleteTheDownloadWhenTheDiskStaysFull() {
        // given
        Path target = directory.partPath(NEW.sha256());
        // when / then
        assertThatThrownBy(() -> fetcher(2).fetch(NEW, target)).isInstanceOf(CacheFullException.class)
                .hasMessageContaining("even after evicting").hasMessageContaining(NEW.sha256());
        assertThat(target).doesNotExist();
    }
}
