package io.scenelog.edge.registry;

import io.scenelog.edge.registry.internal.RegistryException;
import io.scenelog.edge.registry.internal.RegistryService;
import io.scenelog.edge.registry.internal.kafka.KafkaRegistryStore;
import io.scenelog.topics.TopicMismatchException;
import io.scenelog.topics.TopicProvisioner;
import io.scenelog.topics.TopicProvisioningException;
import io.scenelog.topics.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.KafkaException;

/**
 * A Confluent-compatible schema registry whose source of truth is the compacted, single-partition
 * {@code _schemas} topic, as in Confluent's own registry. Serve it over HTTP by mounting
 * {@link SchemaRegistryRoutes} on a Javalin app (as {@code EdgeServer} does).
 *
 * <p>{@link #open} provisions the topic and starts reading it from the beginning;
 * {@link #awaitCaughtUp} waits until the log as it was at start-up is applied; {@link #start} does
 * both. Several instances over one cluster stay in sync through the log.
 */
public final class SchemaRegistry implements AutoCloseable {

    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(2);

    private final SchemaRegistrySettings settings;
    private final Admin admin;
    private final KafkaRegistryStore store;
    private final RegistryService service;

    private SchemaRegistry(SchemaRegistrySettings settings, Admin admin, KafkaRegistryStore store) {
        this.settings = settings;
        this.admin = admin;
        this.store = store;
        this.service = new RegistryService(store);
    }

    /**
     * Opens a registry and waits until it has read its log.
     *
     * @throws RegistryStartupException if the topic cannot be provisioned or the log not read in time
     */
    public static SchemaRegistry start(SchemaRegistrySettings settings) {
        SchemaRegistry registry = open(settings);
        try {
            registry.awaitCaughtUp();
            return registry;
        } catch (RuntimeException e) {
            registry.close();
            throw e;
        }
    }

    /**
     * Provisions {@code _schemas} if missing and starts reading it; returns without waiting for the
     * read to finish (reads and writes answer 50002 until it has).
     *
     * @throws RegistryStartupException if the topic cannot be provisioned or Kafka does not answer
     */
    public static SchemaRegistry open(SchemaRegistrySettings settings) {
        Admin admin = Admin.create(adminConfig(settings));
        KafkaRegistryStore store = null;
        try {
            new TopicProvisioner(admin, settings.replicationFactor()).ensure(List.of(Topics.SCHEMAS));
            store = new KafkaRegistryStore(admin, settings.bootstrapServers(), Topics.SCHEMAS.name(),
                    settings.operationTimeout());
            store.startFollowing(settings.bootTimeout());
            return new SchemaRegistry(settings, admin, store);
        } catch (RegistryException | KafkaException | TopicProvisioningException | TopicMismatchException e) {
            closeAll(store, admin);
            throw new RegistryStartupException("Cannot start the schema registry on " + settings.bootstrapServers()
                    + " (topic " + Topics.SCHEMAS.name() + "): " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeAll(store, admin);
            throw e;
        }
    }

    // Bounded by the boot timeout so that start-up against an unreachable cluster fails in time.
    private static Map<String, Object> adminConfig(SchemaRegistrySettings settings) {
        int bootMs = (int) Math.min(Integer.MAX_VALUE, settings.bootTimeout().toMillis());
        return Map.of(
                CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                CommonClientConfigs.CLIENT_ID_CONFIG, "scenelog-registry-admin",
                CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, Math.min(bootMs, 30_000),
                CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, bootMs);
    }

    /**
     * Waits until the registry has read its log as it was when opened.
     *
     * @throws RegistryStartupException if that takes longer than the settings' boot timeout
     */
    public void awaitCaughtUp() {
        try {
            store.awaitCaughtUp(settings.bootTimeout());
        } catch (RegistryException e) {
            throw new RegistryStartupException("The schema registry did not finish reading "
                    + Topics.SCHEMAS.name() + " within " + settings.bootTimeout() + ": " + e.getMessage(), e);
        }
    }

    /** The registry's health, asking Kafka (briefly) whether it is reachable. */
    public RegistryHealth health() {
        long end = -1;
        Optional<String> problem = store.readerProblem();
        boolean reachable;
        try {
            end = store.committedEnd(HEALTH_TIMEOUT);
            reachable = true;
        } catch (RegistryException e) {
            reachable = false;
            problem = Optional.of("Kafka is not reachable: " + e.getMessage());
        }
        boolean caughtUp = store.isBooted();
        if (problem.isEmpty() && !caughtUp) {
            problem = Optional.of("still reading " + Topics.SCHEMAS.name());
        }
        return new RegistryHealth(caughtUp, store.isFollowing(), reachable, store.position(), end, problem);
    }

    /** The settings the registry runs with. */
    public SchemaRegistrySettings settings() {
        return settings;
    }

    RegistryService service() {
        return service;
    }

    @Override
    public void close() {
        closeAll(store, admin);
    }

    private static void closeAll(KafkaRegistryStore store, Admin admin) {
        if (store != null) {
            store.close();
        }
        admin.close(Duration.ofSeconds(5));
    }
}
