package io.scenelog.kafka.embedded.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scenelog.kafka.embedded.DataDirectoryInUseException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryLockTest {

    @TempDir
    Path directory;

    @Test
    void shouldRefuseASecondHolderInTheSameJvm() {
        try (DataDirectoryLock held = DataDirectoryLock.acquire(directory)) {
            assertThatThrownBy(() -> DataDirectoryLock.acquire(directory))
                    .isInstanceOf(DataDirectoryInUseException.class)
                    .hasMessageContaining("Data directory " + directory + " is already used");
        }
    }

    @Test
    void shouldBeFreeAgainOnceReleased() {
        // given
        DataDirectoryLock.acquire(directory).close();

        // when / then: acquiring again succeeds
        DataDirectoryLock.acquire(directory).close();
    }
}
