package io.scenelog.app;

import io.scenelog.edge.EdgeServer;
import io.scenelog.edge.EdgeSettings;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Runs only the Confluent-compatible schema registry, against an existing Kafka cluster. */
@Command(name = "registry", mixinStandardHelpOptions = true,
        description = "Run the Confluent-compatible schema registry (over the _schemas topic) against a Kafka "
                + "cluster, until Ctrl-C / SIGTERM.")
final class RegistryCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryCommand.class);

    @Mixin
    private KafkaOptions kafka;

    @Option(names = "--host", defaultValue = "${env:SCENELOG_HTTP_HOST:-127.0.0.1}",
            description = "Interface to listen on (env SCENELOG_HTTP_HOST; default: ${DEFAULT-VALUE}).")
    private String host;

    @Option(names = "--port", defaultValue = "${env:SCENELOG_HTTP_PORT:-8081}",
            description = "HTTP port (env SCENELOG_HTTP_PORT; default: ${DEFAULT-VALUE}).")
    private int port;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        EdgeServer server = EdgeServer.start(EdgeSettings.defaults(kafka.bootstrapServers)
                .withHost(host)
                .withPort(port)
                .withReplicationFactor(kafka.replicationFactor));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping the schema registry.");
            server.close();
            stopped.countDown();
        }, "scenelog-registry-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        out.println("Schema registry: " + server.baseUri() + " (Kafka " + kafka.bootstrapServers + ")");
        out.flush();
        stopped.await();
        return 0;
    }
}
