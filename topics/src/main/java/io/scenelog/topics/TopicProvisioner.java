package io.scenelog.topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the catalogue's topics where they are missing and verifies those that exist. A topic whose partition count
 * or cleanup policy differs from the catalogue is a start-up error ({@link TopicMismatchException}): running on it
 * would silently break per-scene ordering or lose compacted state.
 */
public final class TopicProvisioner {

    private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration METADATA_POLL = Duration.ofMillis(50);

    private final Admin admin;
    private final short replicationFactor;
    private final Map<String, Optional<Duration>> retentionOverrides;

    /**
     * @param admin             a Kafka admin client (not closed by this class)
     * @param replicationFactor replicas per partition: 1 on one machine, 3 in a cluster
     */
    public TopicProvisioner(Admin admin, short replicationFactor) {
        this(admin, replicationFactor, Map.of());
    }

    private TopicProvisioner(Admin admin, short replicationFactor, Map<String, Optional<Duration>> overrides) {
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("Replication factor must be at least 1, got " + replicationFactor);
        }
        this.admin = admin;
        this.replicationFactor = replicationFactor;
        this.retentionOverrides = Map.copyOf(overrides);
    }

    /** A provisioner that creates {@code topic} with another retention (empty = forever) than the catalogue's. */
    public TopicProvisioner withRetention(Topic<?, ?> topic, Optional<Duration> retention) {
        Map<String, Optional<Duration>> overrides = new HashMap<>(retentionOverrides);
        overrides.put(topic.name(), retention);
        return new TopicProvisioner(admin, replicationFactor, overrides);
    }

    /**
     * Creates the missing topics and verifies the existing ones.
     *
     * @return one status per topic, in the order given
     * @throws TopicMismatchException      if an existing topic differs in partitions or cleanup policy
     * @throws TopicProvisioningException  if Kafka cannot be asked or cannot create a topic
     */
    public List<TopicStatus> ensure(Collection<? extends Topic<?, ?>> topics) {
        List<TopicSpec> specs = specsOf(topics);
        List<TopicStatus> found = verifySpecs(specs);
        List<TopicStatus> statuses = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            statuses.add(found.get(i).state() == TopicStatus.State.MISSING ? create(specs.get(i)) : found.get(i));
        }
        List<TopicStatus> mismatches = statuses.stream()
                .filter(s -> s.state() == TopicStatus.State.MISMATCH).toList();
        if (!mismatches.isEmpty()) {
            throw new TopicMismatchException(mismatches);
        }
        return statuses;
    }

    /**
     * Compares the topics with what Kafka has, creating nothing.
     *
     * @return one status per topic, in the order given: VERIFIED, MISSING or MISMATCH
     */
    public List<TopicStatus> verify(Collection<? extends Topic<?, ?>> topics) {
        return verifySpecs(specsOf(topics));
    }

    private List<TopicStatus> verifySpecs(List<TopicSpec> specs) {
        List<String> names = specs.stream().map(TopicSpec::name).toList();
        Map<String, KafkaFuture<TopicDescription>> descriptions = admin.describeTopics(names).topicNameValues();
        List<TopicStatus> statuses = new ArrayList<>();
        for (TopicSpec spec : specs) {
            Optional<TopicDescription> found = describe(spec.name(), descriptions.get(spec.name()));
            statuses.add(found.map(d -> compare(spec, d))
                    .orElseGet(() -> new TopicStatus(spec.name(), TopicStatus.State.MISSING, List.of())));
        }
        return statuses;
    }

    private List<TopicSpec> specsOf(Collection<? extends Topic<?, ?>> topics) {
        return topics.stream().map(t -> effectiveSpec(t.spec())).toList();
    }

    private TopicStatus compare(TopicSpec spec, TopicDescription description) {
        List<String> mismatches = new ArrayList<>();
        List<String> drifts = new ArrayList<>();
        int partitions = description.partitions().size();
        if (partitions != spec.partitions()) {
            mismatches.add("partitions: expected " + spec.partitions() + ", found " + partitions);
        }
        Config config = await("describe the configs of topic " + spec.name(),
                admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, spec.name())))
                        .all()).values().iterator().next();
        String cleanup = config.get("cleanup.policy").value();
        if (!CleanupPolicy.parseConfig(cleanup).equals(Set.of(spec.cleanup().configValue()))) {
            mismatches.add("cleanup.policy: expected " + spec.cleanup().configValue() + ", found " + cleanup);
        }
        String expectedRetention = spec.topicConfigs().get("retention.ms");
        String retention = config.get("retention.ms").value();
        if (spec.cleanup() == CleanupPolicy.DELETE && !expectedRetention.equals(retention)) {
            drifts.add("retention.ms: catalogue " + expectedRetention + ", found " + retention + " (kept)");
        }
        if (!mismatches.isEmpty()) {
            return new TopicStatus(spec.name(), TopicStatus.State.MISMATCH, mismatches);
        }
        return new TopicStatus(spec.name(), TopicStatus.State.VERIFIED, drifts);
    }

    private TopicStatus create(TopicSpec spec) {
        Map<String, String> configs = new HashMap<>(spec.topicConfigs());
        // With 3 replicas an acknowledged write must survive one broker loss; on one node that is impossible.
        configs.put("min.insync.replicas", replicationFactor >= 3 ? "2" : "1");
        NewTopic newTopic = new NewTopic(spec.name(), spec.partitions(), replicationFactor).configs(configs);
        try {
            admin.createTopics(List.of(newTopic)).all().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            awaitVisible(spec.name());
            LOG.info("Created topic {} with {} partitions, replication {}, {}.",
                    spec.name(), spec.partitions(), replicationFactor, spec.cleanup().configValue());
            return new TopicStatus(spec.name(), TopicStatus.State.CREATED, List.of());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                // Another instance created it between our describe and create: verify what it made.
                awaitVisible(spec.name());
                return verifySpecs(List.of(spec)).get(0);
            }
            throw new TopicProvisioningException("Could not create topic " + spec.name() + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new TopicProvisioningException("Timed out after " + ADMIN_TIMEOUT + " creating topic "
                    + spec.name(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TopicProvisioningException("Interrupted while creating topic " + spec.name(), e);
        }
    }

    /**
     * The controller acknowledges a creation before every broker's metadata cache knows the topic; wait until the
     * topic can be described so callers (and the next verification) never see a just-created topic as missing.
     */
    private void awaitVisible(String name) {
        long deadline = System.nanoTime() + ADMIN_TIMEOUT.toNanos();
        while (describe(name, admin.describeTopics(List.of(name)).topicNameValues().get(name)).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new TopicProvisioningException("Topic " + name + " was created but did not become visible "
                        + "within " + ADMIN_TIMEOUT, null);
            }
            try {
                Thread.sleep(METADATA_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TopicProvisioningException("Interrupted while waiting for topic " + name, e);
            }
        }
    }

    private TopicSpec effectiveSpec(TopicSpec spec) {
        Optional<Duration> override = retentionOverrides.get(spec.name());
        return override == null ? spec : spec.withRetention(override);
    }

    private static Optional<TopicDescription> describe(String name, KafkaFuture<TopicDescription> future) {
        try {
            return Optional.of(await("describe topic " + name, future));
        } catch (TopicProvisioningException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static <T> T await(String what, KafkaFuture<T> future) {
        try {
            return future.get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new TopicProvisioningException("Could not " + what + ": " + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new TopicProvisioningException("Timed out after " + ADMIN_TIMEOUT + " trying to " + what
                    + ": is the Kafka broker reachable?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TopicProvisioningException("Interrupted while trying to " + what, e);
        }
    }
}
