package io.scenelog.kafka.embedded.internal;

import io.scenelog.kafka.embedded.BrokerSettings;
import io.scenelog.kafka.embedded.BrokerStartException;
import io.scenelog.kafka.embedded.DataDirectoryMismatchException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Formats a new Kafka log directory for a one-node cluster, or checks an existing one against the
 * settings. What {@code kafka-storage format} does, in-process.
 */
public final class StorageFormat {

    private static final Logger LOG = LoggerFactory.getLogger(StorageFormat.class);
    private static final String META_PROPERTIES = "meta.properties";

    private StorageFormat() {
    }

    /**
     * @param settings validated settings
     * @return the cluster id of the (now) formatted directory: the persisted one on restart
     * @throws DataDirectoryMismatchException when the directory belongs to another cluster or node
     */
    public static String ensureFormatted(BrokerSettings settings) {
        Path logDirectory = BrokerConfigs.kafkaLogDirectory(settings.dataDirectory());
        Path metaFile = logDirectory.resolve(META_PROPERTIES);
        if (Files.exists(metaFile)) {
            return verify(settings, metaFile);
        }
        String clusterId = settings.clusterId().orElseGet(() -> Uuid.randomUuid().toString());
        format(settings, logDirectory, clusterId);
        return clusterId;
    }

    private static String verify(BrokerSettings settings, Path metaFile) {
        Properties meta = load(metaFile);
        String persistedClusterId = meta.getProperty("cluster.id");
        String persistedNodeId = meta.getProperty("node.id");
        if (persistedClusterId == null || persistedNodeId == null) {
            throw new BrokerStartException("Kafka metadata file " + metaFile + " lacks cluster.id or "
                    + "node.id: the data directory is damaged; restore it or start with an empty one");
        }
        if (settings.clusterId().isPresent() && !settings.clusterId().get().equals(persistedClusterId)) {
            throw new DataDirectoryMismatchException("Data directory " + settings.dataDirectory()
                    + " belongs to cluster " + persistedClusterId + ", but the settings ask for cluster "
                    + settings.clusterId().get() + ": leave clusterId empty to reuse the persisted one");
        }
        if (!persistedNodeId.equals(Integer.toString(settings.nodeId()))) {
            throw new DataDirectoryMismatchException("Data directory " + settings.dataDirectory()
                    + " was formatted for node " + persistedNodeId + ", but the settings ask for node "
                    + settings.nodeId() + ": use nodeId " + persistedNodeId);
        }
        return persistedClusterId;
    }

    private static void format(BrokerSettings settings, Path logDirectory, String clusterId) {
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        try (PrintStream reportStream = new PrintStream(report, true, StandardCharsets.UTF_8)) {
            // No initial controllers: the static controller.quorum.voters (kraft.version 0)
            // makes a restart independent of the controller port chosen the first time.
            new Formatter()
                    .setPrintStream(reportStream)
                    .setNodeId(settings.nodeId())
                    .setClusterId(clusterId)
                    .setControllerListenerName(BrokerConfigs.CONTROLLER_LISTENER)
                    .addDirectory(logDirectory.toString())
                    .setMetadataLogDirectory(logDirectory.toString())
                    .run();
        } catch (Exception e) {
            throw new BrokerStartException("Cannot format Kafka storage in " + logDirectory
                    + " for cluster " + clusterId + ": " + e.getMessage(), e);
        }
        LOG.info("Formatted new Kafka storage {} for cluster {} node {}.", logDirectory, clusterId,
                settings.nodeId());
        LOG.debug("Kafka's storage formatter reported: {}", report.toString(StandardCharsets.UTF_8).trim());
    }

    private static Properties load(Path metaFile) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(metaFile)) {
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new BrokerStartException("Cannot read Kafka metadata file " + metaFile + ": "
                    + e.getMessage(), e);
        }
    }
}
