package io.scenelog.kafka.embedded.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenelog.kafka.embedded.BrokerSettings;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RaftServerLauncherIntegrationTest {

    @Test
    void shouldRetryWithOtherPortsWhenAChosenPortIsTakenFirst(@TempDir Path directory) throws Exception {
        // given: the first port handed out is taken by someone else before the broker binds it
        ExitProcedures.installThrowing();
        BrokerSettings settings = BrokerSettings.defaults(directory);
        StorageFormat.ensureFormatted(settings);
        List<Integer> handedOut = new ArrayList<>();
        try (ServerSocket squatter = new ServerSocket(0, 1, InetAddress.getByName(settings.host()))) {
            RaftServerLauncher.PortPicker picker = (host, exclude) -> {
                int port = handedOut.isEmpty() ? squatter.getLocalPort() : FreePorts.pick(host, exclude);
                handedOut.add(port);
                return port;
            };

            // when
            RaftServerLauncher.Started started = RaftServerLauncher.start(settings, picker);

            // then
            try {
                assertThat(handedOut.size()).isGreaterThanOrEqualTo(4);
                assertThat(started.port()).isNotEqualTo(squatter.getLocalPort());
            } finally {
                started.server().shutdown();
                started.server().awaitShutdown();
            }
        }
    }
}
