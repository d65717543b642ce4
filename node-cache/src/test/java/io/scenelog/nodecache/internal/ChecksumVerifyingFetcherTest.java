package io.scenelog.nodecache.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scenelog.nodecache.BlobVerificationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChecksumVerifyingFetcherTest {

    private static final byte[] BYTES = {1, 2, 3, 4};

    @TempDir
    Path directory;

    private final AtomicInteger mismatches = new AtomicInteger();

    private static String sha(byte[] bytes) {
        var digest = Sha256Hex.newDigest();
        digest.update(bytes);
        return Sha256Hex.hex(digest);
    }

    /** Writes the given bytes, as a download would. */
    private static Fetcher writing(byte[] bytes) {
        return (ref, target) -> {
            Files.write(target, bytes);
            return new Fetcher.Fetched(bytes.length, sha(bytes));
        };
    }

    @Test
    void shouldPassBytesThatMatchTheirName() throws IOException {
        // given
        Path target = directory.resolve("a.part");
        var fetcher = new ChecksumVerifyingFetcher(writing(BYTES), mismatches::incrementAndGet);
        // when
        Fetcher.Fetched fetched = fetcher.fetch(new BlobRef(sha(BYTES), 4, "/assets/x/content"), target);
        // then
        assertThat(fetched.bytes()).isEqualTo(4);
        assertThat(target).hasBinaryContent(BYTES);
        assertThat(mismatches).hasValue(0);
    }

    @Test
    void shouldDeleteAndCountBytesThatDoNotMatch() {
        // given
        Path target = directory.resolve("b.part");
        String wanted = sha(new byte[] {9});
        var fetcher = new ChecksumVerifyingFetcher(writing(BYTES), mismatches::incrementAndGet);
        // when / then
        assertThatThrownBy(() -> fetcher.fetch(new BlobRef(wanted, -1, "/assets/x/content"), target))
                .isInstanceOf(BlobVerificationException.class).hasMessageContaining(wanted)
                .hasMessageContaining(sha(BYTES));
        assertThat(target).doesNotExist();
        assertThat(mismatches).hasValue(1);
    }
}
