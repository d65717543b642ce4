package io.scenelog.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class BrokerProcessOptionsTest {

    @Test
    void shouldRunTheChildWithThisJvmsJavaAndClassPath() {
        // when
        BrokerProcessOptions options = BrokerProcessOptions.defaults();

        // then
        assertThat(Files.isExecutable(options.javaExecutable())).isTrue();
        assertThat(options.classPath()).isEqualTo(System.getProperty("java.class.path"));
        assertThat(options.maxHeap()).isEqualTo("512m");
    }

    @Test
    void shouldRejectAHeapSizeTheJvmWouldNotAccept() {
        assertThatThrownBy(() -> BrokerProcessOptions.defaults().withMaxHeap("512MB"))
                .isInstanceOf(InvalidBrokerSettingsException.class)
                .hasMessageContaining("maxHeap '512MB' is not a JVM heap size");
    }
}
