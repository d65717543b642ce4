package io.scenelog.app.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenKeyFileTest {

    @TempDir
    Path directory;

    @Test
    void shouldGenerateAKeyReadableByItsOwnerOnlyOnFirstStart() throws Exception {
        // given
        Path file = directory.resolve("secrets").resolve("token.key");

        // when
        TokenKeyFile.Loaded loaded = TokenKeyFile.loadOrCreate(file);

        // then
        assertThat(loaded.created()).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        assertThat(Files.readString(file).trim()).isEqualTo(loaded.key().toBase64());
        try (var entries = Files.list(file.getParent())) {
            assertThat(entries).containsExactly(file);
        }
    }

    @Test
    void shouldReuseTheStoredKeyOnRestart() {
        // given
        Path file = directory.resolve("secrets").resolve("token.key");
        TokenKeyFile.Loaded first = TokenKeyFile.loadOrCreate(file);

        // when
        TokenKeyFile.Loaded second = TokenKeyFile.loadOrCreate(file);

        // then
        assertThat(second.created()).isFalse();
        assertThat(second.key()).isEqualTo(first.key());
    }

    @Test
    void shouldNameTheFileWhenItHoldsNoKey() throws Exception {
        // given
        Path file = Files.writeString(directory.resolve("token.key"), "c2hvcnQ=\n");

        // when / then
        assertThatThrownBy(() -> TokenKeyFile.read(file))
                .hasMessageContaining("The token key file " + file + " is unusable");
    }
}
