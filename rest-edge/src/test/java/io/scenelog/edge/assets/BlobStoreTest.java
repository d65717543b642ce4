package io.scenelog.edge.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BlobStoreTest {

    private static final byte[] HELLO = "hello, scene".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path root;

    private BlobStore store;

    @BeforeEach
    void setUp() throws IOException {
        store = new BlobStore(root);
    }

    @Test
    void shouldNameABlobByTheSha256OfItsBytes() throws IOException {
        // when
        StoredBlob blob = store.put(new ByteArrayInputStream(HELLO));

        // then
        String sha = Uploads.sha256(HELLO);
        assertThat(blob).isEqualTo(new StoredBlob(sha, HELLO.length));
        assertThat(store.find(sha)).contains(root.resolve("sha256").resolve(sha.substring(0, 2)).resolve(sha));
        assertThat(store.size(sha)).isEqualTo(HELLO.length);
        try (InputStream in = store.open(sha)) {
            assertThat(in.readAllBytes()).isEqualTo(HELLO);
        }
    }

    @Test
    void shouldStoreIdenticalContentOnce() throws IOException {
        store.put(new ByteArrayInputStream(HELLO));
        store.put(new ByteArrayInputStream(HELLO));

        assertThat(Uploads.filesUnder(root)).hasSize(1);
    }

    @Test
    void shouldRenameATempFileIntoPlace() throws IOException {
        // given
        Path temp = store.newTempFile();
        Files.write(temp, HELLO);

        // when
        StoredBlob blob = store.put(temp);

        // then
        assertThat(temp).doesNotExist();
        assertThat(store.find(blob.sha256())).isPresent();
        assertThat(Uploads.filesUnder(root)).hasSize(1);
    }

    @Test
    void shouldDiscardATempFileWhenTheBlobIsAlreadyStored() throws IOException {
        store.put(new ByteArrayInputStream(HELLO));
        Path temp = store.newTempFile();
        Files.write(temp, HELLO);

        store.put(temp);

        assertThat(temp).doesNotExist();
        assertThat(Uploads.filesUnder(root)).hasSize(1);
    }

    @Test
    void shouldRefuseToRenameAFileFromElsewhere(@TempDir Path elsewhere) throws IOException {
        Path outside = Files.write(elsewhere.resolve("passwd"), HELLO);

        assertThatThrownBy(() -> store.put(outside)).isInstanceOf(IllegalArgumentException.class);
        assertThat(outside).exists();
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../etc/passwd", "ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789",
        "abc", "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde/", ""})
    void shouldFindNothingForAStringThatIsNotASha256(String name) {
        assertThat(store.find(name)).isEmpty();
        assertThatThrownBy(() -> store.open(name)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.size(name)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldReportAnAbsentBlobAsNoSuchFile() {
        String absent = Uploads.sha256(HELLO);

        assertThat(store.find(absent)).isEmpty();
        assertThatThrownBy(() -> store.open(absent)).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void shouldDeleteWhatACrashLeftInTmpButKeepBlobs() throws IOException {
        // given
        StoredBlob kept = store.put(new ByteArrayInputStream(HELLO));
        Files.write(store.newTempFile(), HELLO);
        Path work = store.newTempDirectory();
        Files.write(work.resolve("entry-1"), HELLO);

        // when
        BlobStore reopened = new BlobStore(root);

        // then
        assertThat(root.resolve("tmp")).isEmptyDirectory();
        assertThat(reopened.find(kept.sha256())).isPresent();
    }

    @Test
    void shouldStoreOneBlobWhenManyThreadsWriteTheSameContent() throws Exception {
        // given
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<StoredBlob>> results = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                Callable<StoredBlob> write = () -> {
                    start.await();
                    return store.put(new ByteArrayInputStream(HELLO));
                };
                results.add(pool.submit(write));
            }

            // when
            start.countDown();

            // then
            for (Future<StoredBlob> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS).sha256()).isEqualTo(Uploads.sha256(HELLO));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(Uploads.filesUnder(root)).hasSize(1);
    }
}
