package io.scenelog.app;

import io.scenelog.app.cli.StopSignal;
import io.scenelog.app.contract.ContractSchemas;
import io.scenelog.app.kafka.ClientConfigs;
import io.scenelog.app.streams.TokenKeyFile;
import io.scenelog.edge.EdgeServer;
import io.scenelog.edge.EdgeSettings;
import io.scenelog.edge.api.ApiSettings;
import io.scenelog.edge.api.RestApi;
import io.scenelog.schemas.registry.SchemaRegistryClient;
import io.scenelog.streams.query.RemoteSceneStateQueries;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Runs the edge role of a cluster: the REST API and the schema registry on one port, reading entity state from the
 * platform-streams instances' query endpoints.
 */
@Command(name = "edge", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run the edge against a Kafka cluster until Ctrl-C / SIGTERM: the platform REST API and the "
                + "Confluent-compatible schema registry on one HTTP port. Prints the first admin API key once, when "
                + "the cluster has none.")
final class EdgeCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(EdgeCommand.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    @Mixin
    private KafkaOptions kafka;

    @Option(names = "--host", defaultValue = "${env:SCENELOG_HTTP_HOST:-127.0.0.1}",
            description = "Interface to listen on (env SCENELOG_HTTP_HOST; default: ${DEFAULT-VALUE}).")
    private String host;

    @Option(names = "--port", defaultValue = "${env:SCENELOG_HTTP_PORT:-8080}",
            description = "HTTP port of the REST API and the registry (env SCENELOG_HTTP_PORT; default: "
                    + "${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--token-key-file", paramLabel = "FILE", required = true,
            defaultValue = "${env:SCENELOG_TOKEN_KEY_FILE}",
            description = "The platform's token key (base64), the same file the streams instances use "
                    + "(env SCENELOG_TOKEN_KEY_FILE).")
    private Path tokenKeyFile;

    @Option(names = "--blob-dir", paramLabel = "DIR", defaultValue = "${env:SCENELOG_BLOB_DIR:-scenelog-blobs}",
            description = "Where uploaded asset blobs live (env SCENELOG_BLOB_DIR; default: ${DEFAULT-VALUE}).")
    private Path blobDirectory;

    @Option(names = "--streams-query", paramLabel = "HOST:PORT", split = ",", required = true,
            defaultValue = "${env:SCENELOG_STREAMS_QUERY}",
            description = "The platform-streams instances' --application-server addresses, comma-separated "
                    + "(env SCENELOG_STREAMS_QUERY).")
    private List<String> streamsQuery;

    @Option(names = "--livelink-url", paramLabel = "URL", defaultValue = ApiSettings.DEFAULT_LIVELINK_URL,
            description = "The Livelink bridge's WebSocket URL handed to joining clients (default: "
                    + "${DEFAULT-VALUE}).")
    private String livelinkUrl;

    @Option(names = "--browser-origin", paramLabel = "ORIGIN", split = ",",
            defaultValue = "${env:SCENELOG_BROWSER_ORIGINS:-http://127.0.0.1:8082}",
            description = "Web origins (scheme://host:port) whose pages may call the API from a browser: the "
                    + "bridges serving the viewer page, comma-separated (default: ${DEFAULT-VALUE}).")
    private List<String> browserOrigins;

    @Option(names = "--idle-session-timeout", paramLabel = "SECONDS", defaultValue = "600",
            description = "End sessions without clients after this many seconds (default: ${DEFAULT-VALUE}).")
    private long idleSessionSeconds;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        if (idleSessionSeconds < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--idle-session-timeout must be at least 1");
        }
        RestApi api = RestApi.create(ApiSettings.defaults(TokenKeyFile.read(tokenKeyFile),
                        blobDirectory.toAbsolutePath().normalize())
                .withLivelinkUrl(livelinkUrl)
                .withBrowserOrigins(browserOrigins)
                .withIdleSessionTimeout(Duration.ofSeconds(idleSessionSeconds)));
        CountDownLatch stopped = new CountDownLatch(1);
        try (StopSignal signal = StopSignal.install("scenelog-edge-stop", stopped::countDown, STOP_GRACE);
                EdgeServer server = EdgeServer.start(EdgeSettings.defaults(kafka.bootstrapServers)
                        .withHost(host)
                        .withPort(port)
                        .withReplicationFactor(kafka.replicationFactor), api)) {
            URI registry = URI.create(server.baseUri().toString().replaceAll("/$", ""));
            SchemaRegistryClient registryClient = ClientConfigs.registry(registry);
            ContractSchemas.publish(registryClient);
            api.pipeline().attachQueries(RemoteSceneStateQueries.over(streamsQuery, registryClient));
            PrintWriter out = spec.commandLine().getOut();
            out.println("Edge: REST API and schema registry at " + server.baseUri() + " (Kafka "
                    + kafka.bootstrapServers + ", state queries " + String.join(",", streamsQuery) + ")");
            api.createFirstAdminKey().ifPresent(key -> out.println("Admin API key (shown this once): " + key));
            out.println("Press Ctrl-C to stop.");
            out.flush();
            stopped.await();
            LOG.info("Stopping the edge.");
            return 0;
        }
    }
}
