package io.scenelog.app;

import picocli.CommandLine.Option;

/** The Kafka cluster a role talks to; shared by every subcommand that does not start its own broker. */
final class KafkaOptions {

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,HOST:PORT...]",
            defaultValue = "${env:SCENELOG_BOOTSTRAP_SERVERS:-127.0.0.1:9092}",
            description = "Kafka bootstrap servers (env SCENELOG_BOOTSTRAP_SERVERS; default: ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Option(names = "--replication-factor", paramLabel = "N",
            defaultValue = "${env:SCENELOG_REPLICATION_FACTOR:-3}",
            description = "Replicas per partition for topics this role creates: 3 in a cluster, 1 on one machine "
                    + "(env SCENELOG_REPLICATION_FACTOR; default: ${DEFAULT-VALUE}).")
    short replicationFactor;
}
