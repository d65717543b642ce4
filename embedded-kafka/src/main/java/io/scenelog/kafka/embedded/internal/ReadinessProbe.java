package io.scenelog.kafka.embedded.internal;

import io.scenelog.kafka.embedded.BrokerStartException;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Node;

/**
 * Waits until a broker answers {@code describeCluster} with itself in the node list, which is
 * when clients can create topics and produce: the broker has registered with the controller and
 * been unfenced.
 */
public final class ReadinessProbe {

    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(2);
    private static final long RETRY_PAUSE_MILLIS = 50;

    private ReadinessProbe() {
    }

    /**
     * @param bootstrapServers the broker's client address
     * @param nodeId           the node that must be listed
     * @param timeout          how long to keep asking
     * @throws BrokerStartException when the deadline passes, carrying the last failure
     */
    public static void awaitReady(String bootstrapServers, int nodeId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception lastFailure = null;
        try (Admin admin = Admin.create(adminConfig(bootstrapServers))) {
            while (System.nanoTime() < deadline) {
                try {
                    if (listsNode(admin, nodeId)) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException | KafkaException e) {
                    lastFailure = e;
                }
                TimeUnit.MILLISECONDS.sleep(RETRY_PAUSE_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerStartException("Interrupted while waiting for broker node " + nodeId
                    + " at " + bootstrapServers + " to become ready", e);
        }
        throw new BrokerStartException("Broker node " + nodeId + " at " + bootstrapServers
                + " did not become ready within " + timeout, lastFailure);
    }

    private static boolean listsNode(Admin admin, int nodeId)
            throws ExecutionException, TimeoutException, InterruptedException {
        Collection<Node> nodes = admin
                .describeCluster(new DescribeClusterOptions().timeoutMs((int) ATTEMPT_TIMEOUT.toMillis()))
                .nodes()
                .get(ATTEMPT_TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS);
        return nodes.stream().anyMatch(node -> node.id() == nodeId);
    }

    private static Map<String, Object> adminConfig(String bootstrapServers) {
        return Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "scenelog-readiness-probe",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ATTEMPT_TIMEOUT.toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ATTEMPT_TIMEOUT.toMillis(),
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200);
    }
}
