package io.scenelog.edge.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenelog.kafka.embedded.BrokerSettings;
import io.scenelog.kafka.embedded.EmbeddedKafkaBroker;
import io.scenelog.model.ActionResult;
import io.scenelog.topics.TopicProvisioner;
import io.scenelog.topics.Topics;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The result waiter's count of pending waits per result key, under concurrent waits on one key: while a wait is
 * pending its key must be counted (else its result is skipped and the caller times out), and once every wait is
 * over no key may be left.
 */
class ResultWaiterIntegrationTest {

    private static final int THREADS = 4;
    private static final int WAITS_PER_THREAD = 500_000;

    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        Path root = Files.createTempDirectory("scenelog-result-waiter-it");
        broker = EmbeddedKafkaBroker.start(BrokerSettings.defaults(root.resolve("kafka")));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers()))) {
            new TopicProvisioner(admin, (short) 1).ensure(List.of(Topics.ACTION_RESULTS));
        }
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void shouldCountEveryPendingWaitOnASharedKey() throws Exception {
        try (ResultWaiter waiter = new ResultWaiter(EdgeKafka.base(broker.bootstrapServers()),
                (topic, data) -> (ActionResult) null)) {
            Map<?, ?> pendingKeys = pendingKeys(waiter);
            AtomicInteger uncounted = new AtomicInteger();
            ExecutorService threads = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    done.add(threads.submit(() -> {
                        for (int i = 0; i < WAITS_PER_THREAD; i++) {
                            CompletableFuture<ActionResult> wait = waiter.expect(UUID.randomUUID(), Set.of("session"));
                            if (!pendingKeys.containsKey("session")) {
                                uncounted.incrementAndGet();
                            }
                            wait.complete(null);
                        }
                    }));
                }
                for (Future<?> future : done) {
                    future.get(60, TimeUnit.SECONDS);
                }
            } finally {
                threads.shutdownNow();
            }
            assertThat(uncounted).hasValue(0);
            assertThat(pendingKeys).isEmpty();
        }
    }

    private static Map<?, ?> pendingKeys(ResultWaiter waiter) throws ReflectiveOperationException {
        Field field = ResultWaiter.class.getDeclaredField("pendingKeys");
        field.setAccessible(true);
        return (Map<?, ?>) field.get(waiter);
    }
}
