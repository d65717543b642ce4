package io.scenelog.app;

import io.scenelog.topics.Topic;
import io.scenelog.topics.TopicProvisioner;
import io.scenelog.topics.TopicSpec;
import io.scenelog.topics.TopicStatus;
import io.scenelog.topics.Topics;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Prints the topic catalogue and how the cluster's topics compare with it; optionally creates missing topics. */
@Command(name = "topics", mixinStandardHelpOptions = true,
        description = "Print the topic catalogue and verify the cluster's topics against it.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every topic exists and matches the catalogue",
            "1:a topic is missing or differs (or Kafka could not be reached)"})
final class TopicsCommand implements Callable<Integer> {

    @Mixin
    private KafkaOptions kafka;

    @Option(names = "--create", description = "Create missing topics (existing ones are only verified).")
    private boolean create;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "How long to wait for Kafka before giving up (default: ${DEFAULT-VALUE}).")
    private int timeoutSeconds;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        printCatalogue(out);
        if (timeoutSeconds < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--timeout must be at least 1 second");
        }
        int timeoutMs = (int) Duration.ofSeconds(timeoutSeconds).toMillis();
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs))) {
            TopicProvisioner provisioner = new TopicProvisioner(admin, kafka.replicationFactor);
            List<TopicStatus> statuses = create ? provisioner.ensure(Topics.all()) : provisioner.verify(Topics.all());
            out.printf("%nTopics on %s:%n", kafka.bootstrapServers);
            statuses.forEach(s -> out.println("  " + s.describe()));
            out.flush();
            return statuses.stream().allMatch(TopicStatus::usable) ? 0 : 1;
        }
    }

    private static void printCatalogue(PrintWriter out) {
        out.printf("%-16s %10s  %-8s %-10s %-20s %s%n", "TOPIC", "PARTITIONS", "CLEANUP", "RETENTION", "KEY",
                "VALUE");
        for (Topic<?, ?> topic : Topics.all()) {
            TopicSpec spec = topic.spec();
            out.printf("%-16s %10d  %-8s %-10s %-20s %s%n", spec.name(), spec.partitions(),
                    spec.cleanup().configValue(), spec.retention().map(TopicsCommand::human).orElse("forever"),
                    topic.keyDescription(), topic.valueDescription());
        }
    }

    private static String human(Duration duration) {
        return duration.toDays() > 0 && duration.toHours() % 24 == 0 ? duration.toDays() + "d"
                : duration.toHours() + "h";
    }
}
