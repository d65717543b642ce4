package io.scenelog.kafka.embedded.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scenelog.kafka.embedded.BrokerSettings;
import io.scenelog.kafka.embedded.DataDirectoryMismatchException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageFormatTest {

    @TempDir
    Path directory;

    @Test
    void shouldFormatANewDirectoryWithTheRequestedClusterId() {
        // given
        BrokerSettings settings = BrokerSettings.defaults(directory).withClusterId("MkU3OEVBNTcwNTJENDM2Qg");

        // when
        String clusterId = StorageFormat.ensureFormatted(settings);

        // then
        assertThat(clusterId).isEqualTo("MkU3OEVBNTcwNTJENDM2Qg");
        assertThat(directory.resolve("kafka").resolve("meta.properties")).exists();
    }

    @Test
    void shouldReuseThePersistedClusterIdOfAFormattedDirectory() {
        // given
        String first = StorageFormat.ensureFormatted(BrokerSettings.defaults(directory));

        // when
        String second = StorageFormat.ensureFormatted(BrokerSettings.defaults(directory));

        // then
        assertThat(second).isEqualTo(first);
    }

    @Test
    void shouldRefuseAnotherClusterIdForAFormattedDirectory() {
        // given
        String persisted = StorageFormat.ensureFormatted(BrokerSettings.defaults(directory));
        BrokerSettings other = BrokerSettings.defaults(directory).withClusterId("MkU3OEVBNTcwNTJENDM2Qg");

        // when / then
        assertThatThrownBy(() -> StorageFormat.ensureFormatted(other))
                .isInstanceOf(DataDirectoryMismatchException.class)
                .hasMessageContaining("belongs to cluster " + persisted)
                .hasMessageContaining("leave clusterId empty");
    }

    @Test
    void shouldRefuseAnotherNodeIdForAFormattedDirectory() {
        // given
        StorageFormat.ensureFormatted(BrokerSettings.defaults(directory));

        // when / then
        assertThatThrownBy(() -> StorageFormat.ensureFormatted(BrokerSettings.defaults(directory).withNodeId(2)))
                .isInstanceOf(DataDirectoryMismatchException.class)
                .hasMessageContaining("was formatted for node 1, but the settings ask for node 2");
    }
}
