package io.scenelog.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scenelog.testkit.SharedKafka;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TopicProvisionerIntegrationTest {

    private static Admin admin;

    @BeforeAll
    static void connect() {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers()));
    }

    @AfterAll
    static void disconnect() {
        admin.close();
    }

    @Test
    void shouldCreateMissingTopicsAsTheCatalogueSays() throws Exception {
        // given
        Topic<String, String> topic = topic(CleanupPolicy.COMPACT, 3);
        TopicProvisioner provisioner = new TopicProvisioner(admin, (short) 1);

        // when
        List<TopicStatus> statuses = provisioner.ensure(List.of(topic));

        // then
        assertThat(statuses).singleElement().extracting(TopicStatus::state).isEqualTo(TopicStatus.State.CREATED);
        assertThat(admin.describeTopics(List.of(topic.name())).allTopicNames().get().get(topic.name())
                .partitions()).hasSize(3);
        String cleanup = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, topic.name())))
                .all().get().values().iterator().next().get("cleanup.policy").value();
        assertThat(cleanup).isEqualTo("compact");
    }

    @Test
    void shouldVerifyExistingTopicsOnSecondStart() {
        // given
        Topic<String, String> topic = topic(CleanupPolicy.DELETE, 2);
        TopicProvisioner provisioner = new TopicProvisioner(admin, (short) 1);
        provisioner.ensure(List.of(topic));

        // when
        List<TopicStatus> statuses = provisioner.ensure(List.of(topic));

        // then
        assertThat(statuses).singleElement().satisfies(s -> {
            assertThat(s.state()).isEqualTo(TopicStatus.State.VERIFIED);
            assertThat(s.differences()).isEmpty();
        });
    }

    @Test
    void shouldReportMissingTopicsWithoutCreatingThem() throws Exception {
        // given
        Topic<String, String> topic = topic(CleanupPolicy.DELETE, 1);

        // when
        List<TopicStatus> statuses = new TopicProvisioner(admin, (short) 1).verify(List.of(topic));

        // then
        assertThat(statuses).singleElement().extracting(TopicStatus::state).isEqualTo(TopicStatus.State.MISSING);
        assertThat(admin.listTopics().names().get()).doesNotContain(topic.name());
    }

    @Test
    void shouldFailStartWhenPartitionsDiffer() throws Exception {
        // given: someone created the topic by hand with the wrong partition count
        Topic<String, String> topic = topic(CleanupPolicy.DELETE, 4);
        admin.createTopics(List.of(new NewTopic(topic.name(), 2, (short) 1))).all().get();

        // when / then
        assertThatThrownBy(() -> new TopicProvisioner(admin, (short) 1).ensure(List.of(topic)))
                .isInstanceOf(TopicMismatchException.class)
                .hasMessageContaining(topic.name())
                .hasMessageContaining("partitions: expected 4, found 2");
    }

    @Test
    void shouldFailStartWhenCleanupPolicyDiffers() throws Exception {
        // given: a state topic created with delete instead of compact would lose entities
        Topic<String, String> topic = topic(CleanupPolicy.COMPACT, 1);
        admin.createTopics(List.of(new NewTopic(topic.name(), 1, (short) 1)
                .configs(Map.of("cleanup.policy", "delete")))).all().get();

        // when / then
        assertThatThrownBy(() -> new TopicProvisioner(admin, (short) 1).ensure(List.of(topic)))
                .isInstanceOf(TopicMismatchException.class)
                .hasMessageContaining("cleanup.policy: expected compact, found delete");
    }

    @Test
    void shouldReportRetentionDriftWithoutFailing() throws Exception {
        // given
        Topic<String, String> topic = topic(CleanupPolicy.DELETE, 1);
        admin.createTopics(List.of(new NewTopic(topic.name(), 1, (short) 1)
                .configs(Map.of("retention.ms", "60000")))).all().get();

        // when
        List<TopicStatus> statuses = new TopicProvisioner(admin, (short) 1).ensure(List.of(topic));

        // then
        assertThat(statuses).singleElement().satisfies(s -> {
            assertThat(s.state()).isEqualTo(TopicStatus.State.VERIFIED);
            assertThat(s.differences()).singleElement().asString().contains("retention.ms");
        });
    }

    @Test
    void shouldApplyARetentionOverride() throws Exception {
        // given
        Topic<String, String> topic = topic(CleanupPolicy.DELETE, 1);
        TopicProvisioner provisioner = new TopicProvisioner(admin, (short) 1)
                .withRetention(topic, Optional.of(Duration.ofDays(30)));

        // when
        provisioner.ensure(List.of(topic));

        // then
        String retention = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC,
                topic.name()))).all().get().values().iterator().next().get("retention.ms").value();
        assertThat(retention).isEqualTo(Long.toString(Duration.ofDays(30).toMillis()));
    }

    @Test
    void shouldProvisionTheWholeCatalogueIdempotently() {
        // given
        TopicProvisioner provisioner = new TopicProvisioner(admin, (short) 1);

        // when
        provisioner.ensure(Topics.all());
        List<TopicStatus> second = provisioner.ensure(Topics.all());

        // then
        assertThat(second).hasSize(Topics.all().size()).allMatch(s -> s.state() == TopicStatus.State.VERIFIED);
    }

    private static Topic<String, String> topic(CleanupPolicy cleanup, int partitions) {
        TopicSpec spec = new TopicSpec("test-" + UUID.randomUUID(), partitions, cleanup, Optional.empty(),
                Map.of(), "a test topic");
        return new Topic<>(spec, "test", (r, k) -> Serdes.String(), "test", (r, k) -> Serdes.String());
    }
}
