package io.scenelog.kafka.embedded;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * A stand-in application for {@link BrokerProcessIntegrationTest}: starts a broker process, prints
 * its pid and waits to be killed, so the test can check that the orphaned broker stops itself.
 */
public final class BrokerProcessParent {

    private BrokerProcessParent() {
    }

    /**
     * @param args the data directory
     * @throws InterruptedException never expected: the process is killed while waiting
     */
    public static void main(String[] args) throws InterruptedException {
        BrokerProcess broker = BrokerProcess.start(BrokerSettings.defaults(Path.of(args[0])),
                BrokerProcessIntegrationTest.fastOptions());
        System.out.println("BROKER-PID " + broker.pid());
        new CountDownLatch(1).await();
    }
}
