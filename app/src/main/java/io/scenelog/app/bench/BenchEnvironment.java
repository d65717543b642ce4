package io.scenelog.app.bench;

import io.scenelog.app.contract.ContractSchemas;
import io.scenelog.app.kafka.ClientConfigs;
import io.scenelog.edge.EdgeServer;
import io.scenelog.edge.EdgeSettings;
import io.scenelog.kafka.embedded.BrokerSettings;
import io.scenelog.kafka.embedded.EmbeddedKafkaBroker;
import io.scenelog.schemas.registry.SchemaRegistryClient;
import io.scenelog.topics.TopicProvisioner;
import io.scenelog.topics.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Where the benchmark runs: the given cluster and registry, or a fresh embedded broker and registry in a temporary
 * directory (deleted on close). Either way the catalogue's topics and value schemas are in place.
 */
final class BenchEnvironment implements AutoCloseable {

    /** Starts the edge server of an embedded environment. */
    @FunctionalInterface
    interface EdgeStarter {
        /**
         * @param bootstrapServers the broker just started
         * @param workDirectory    the run's temporary directory (deleted on close), e.g. for blobs
         */
        EdgeServer start(String bootstrapServers, Path workDirectory);
    }

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Path workDirectory;
    private final String bootstrapServers;
    private final URI registryUrl;
    private final SchemaRegistryClient registry;
    private final boolean embedded;

    private BenchEnvironment(Path workDirectory, Optional<String> bootstrap, Optional<URI> registryUrl,
            EdgeStarter edgeStarter) {
        this.workDirectory = workDirectory;
        this.embedded = bootstrap.isEmpty();
        if (bootstrap.isPresent()) {
            this.bootstrapServers = bootstrap.get();
        } else {
            EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(BrokerSettings.defaults(
                    workDirectory.resolve("kafka")));
            started.push(broker);
            this.bootstrapServers = broker.bootstrapServers();
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            new TopicProvisioner(admin, (short) 1).ensure(Topics.all());
        }
        if (registryUrl.isPresent()) {
            this.registryUrl = registryUrl.get();
        } else {
            EdgeServer edge = edgeStarter.start(bootstrapServers, workDirectory);
            started.push(edge);
            this.registryUrl = URI.create(edge.baseUri().toString().replaceAll("/$", ""));
        }
        this.registry = ClientConfigs.registry(this.registryUrl);
        ContractSchemas.publish(registry);
    }

    /**
     * Starts what is not given.
     *
     * @param bootstrap   an existing cluster, or empty for an embedded broker
     * @param registryUrl an existing registry, or empty for one in this process
     */
    static BenchEnvironment start(Optional<String> bootstrap, Optional<URI> registryUrl) {
        return start(bootstrap, registryUrl,
                (servers, directory) -> EdgeServer.start(EdgeSettings.defaults(servers).withPort(0)));
    }

    /**
     * Starts what is not given, the edge (when no registry is given) by {@code edgeStarter}: a benchmark of the REST
     * API needs the edge with the API mounted, serving the registry as {@code up} does.
     *
     * @param edgeStarter starts an edge on a free port; closed with the environment
     */
    static BenchEnvironment start(Optional<String> bootstrap, Optional<URI> registryUrl, EdgeStarter edgeStarter) {
        Path directory;
        try {
            directory = Files.createTempDirectory("scenelog-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary directory for the benchmark", e);
        }
        BenchEnvironment environment = null;
        try {
            environment = new BenchEnvironment(directory, bootstrap, registryUrl, edgeStarter);
            return environment;
        } finally {
            if (environment == null) {
                deleteRecursively(directory);
            }
        }
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    URI registryUrl() {
        return registryUrl;
    }

    SchemaRegistryClient registry() {
        return registry;
    }

    /** Where a run keeps its state stores. */
    Path stateDirectory(String run) {
        return workDirectory.resolve("streams").resolve(run);
    }

    /** A description for the report, e.g. "embedded broker (one node, this JVM)". */
    String describe() {
        return embedded ? "embedded KRaft broker in the benchmark's JVM" : "cluster " + bootstrapServers;
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("Could not stop the benchmark's environment cleanly", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        deleteRecursively(workDirectory);
        if (failure != null) {
            throw failure;
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the benchmark's temporary directory " + directory, e);
        }
    }
}
