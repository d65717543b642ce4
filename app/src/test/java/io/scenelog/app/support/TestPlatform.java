package io.scenelog.app.support;

import io.scenelog.app.contract.ContractSchemas;
import io.scenelog.edge.EdgeServer;
import io.scenelog.edge.EdgeSettings;
import io.scenelog.schemas.registry.CachingSchemaRegistryClient;
import io.scenelog.schemas.registry.HttpSchemaRegistryClient;
import io.scenelog.schemas.registry.SchemaRegistryClient;
import io.scenelog.testkit.KafkaTestClients;
import io.scenelog.testkit.SharedKafka;
import io.scenelog.topics.TopicProvisioner;
import io.scenelog.topics.Topics;
import java.net.URI;
import org.apache.kafka.clients.admin.Admin;

/**
 * The platform parts an integration test of the launcher's tools needs, started once per test JVM beside the shared
 * broker: every catalogue topic and the schema registry on a free port. Tests keep out of each other's way with
 * fresh scene ids and client ids, never by topic name (the catalogue's names are fixed).
 */
public final class TestPlatform {

    private static EdgeServer edge;

    private TestPlatform() {
    }

    /** The shared broker, with the catalogue's topics. */
    public static synchronized String bootstrapServers() {
        start();
        return SharedKafka.bootstrapServers();
    }

    /** The registry's base URL, without a trailing slash. */
    public static synchronized URI registryUrl() {
        start();
        return URI.create(edge.baseUri().toString().replaceAll("/$", ""));
    }

    /** A caching client of the registry. */
    public static SchemaRegistryClient registry() {
        return new CachingSchemaRegistryClient(new HttpSchemaRegistryClient(registryUrl()));
    }

    private static void start() {
        if (edge != null) {
            return;
        }
        try (Admin admin = KafkaTestClients.admin()) {
            new TopicProvisioner(admin, (short) 1).ensure(Topics.all());
        }
        EdgeServer started = EdgeServer.start(EdgeSettings.defaults(SharedKafka.bootstrapServers()).withPort(0));
        SharedKafka.closeBeforeBroker(started::close);
        edge = started;
        // As `scenelog up` does: outside writers find the schemas by subject before anything is written.
        ContractSchemas.publish(registry());
    }
}
