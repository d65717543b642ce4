package io.scenelog.kafka.embedded.internal;

import io.scenelog.kafka.embedded.BrokerSettings;
import io.scenelog.kafka.embedded.BrokerStartException;
import io.scenelog.kafka.embedded.InvalidBrokerSettingsException;
import java.net.BindException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts {@link KafkaRaftServer} on a formatted directory, choosing free ports where the settings
 * say 0 and choosing again when another process took a chosen port first.
 */
public final class RaftServerLauncher {

    /** Chooses a free port on a host, different from {@code exclude}. */
    @FunctionalInterface
    public interface PortPicker {
        /**
         * @param host    the interface
         * @param exclude a port the result must differ from (0 for none)
         * @return a port that is probably free
         */
        int pick(String host, int exclude);
    }

    /** A started server and the ports it actually bound. */
    public record Started(KafkaRaftServer server, int port, int controllerPort) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(RaftServerLauncher.class);
    private static final int MAX_ATTEMPTS = 5;

    private RaftServerLauncher() {
    }

    /**
     * @param settings validated settings whose data directory is formatted and locked
     * @return the running server
     * @throws BrokerStartException when it does not start; nothing is left running
     */
    public static Started start(BrokerSettings settings) {
        return start(settings, FreePorts::pick);
    }

    /**
     * @param settings validated settings whose data directory is formatted and locked
     * @param picker   chooses ports where the settings say 0
     * @return the running server
     * @throws BrokerStartException when it does not start; nothing is left running
     */
    public static Started start(BrokerSettings settings, PortPicker picker) {
        boolean portsChosenHere = settings.port() == 0 || settings.controllerPort() == 0;
        for (int attempt = 1; ; attempt++) {
            int port = settings.port() != 0
                    ? settings.port() : picker.pick(settings.host(), settings.controllerPort());
            int controllerPort = settings.controllerPort() != 0
                    ? settings.controllerPort() : picker.pick(settings.host(), port);
            try {
                return startOnce(settings, port, controllerPort);
            } catch (PortTakenException e) {
                if (!portsChosenHere || attempt == MAX_ATTEMPTS) {
                    throw new BrokerStartException("Cannot bind broker port " + port
                            + " or controller port " + controllerPort + " on " + settings.host()
                            + " (attempt " + attempt + "): " + e.getCause().getMessage()
                            + "; stop what listens there or use port 0 to pick a free one", e.getCause());
                }
                LOG.warn("Port {} or {} on {} was taken before the broker bound it; retrying "
                        + "with other free ports (attempt {} of {}).", port, controllerPort,
                        settings.host(), attempt + 1, MAX_ATTEMPTS);
            }
        }
    }

    private static Started startOnce(BrokerSettings settings, int port, int controllerPort)
            throws PortTakenException {
        KafkaConfig config = config(settings, port, controllerPort);
        KafkaRaftServer server;
        try {
            server = new KafkaRaftServer(config, Time.SYSTEM);
        } catch (RuntimeException e) {
            throw new BrokerStartException("Kafka cannot open the storage of "
                    + settings.dataDirectory() + ": " + e.getMessage(), e);
        }
        try {
            server.startup();
            return new Started(server, port, controllerPort);
        } catch (RuntimeException e) {
            stopAfterFailure(server, e);
            if (isBindFailure(e)) {
                throw new PortTakenException(e);
            }
            throw new BrokerStartException("Broker in " + settings.dataDirectory()
                    + " failed to start: " + e.getMessage(), e);
        }
    }

    private static KafkaConfig config(BrokerSettings settings, int port, int controllerPort) {
        try {
            return new KafkaConfig(BrokerConfigs.build(settings, port, controllerPort), false);
        } catch (ConfigException e) {
            throw new InvalidBrokerSettingsException("Kafka rejected the broker config of "
                    + settings.dataDirectory() + ": " + e.getMessage()
                    + "; fix the matching BrokerSettings value or config override", e);
        }
    }

    private static boolean isBindFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    /** A chosen port was bound by someone else first; internal to the retry loop. */
    private static final class PortTakenException extends Exception {
        private static final long serialVersionUID = 1L;

        PortTakenException(RuntimeException bindFailure) {
            super(bindFailure);
        }
    }

    private static void stopAfterFailure(KafkaRaftServer server, RuntimeException failure) {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}
