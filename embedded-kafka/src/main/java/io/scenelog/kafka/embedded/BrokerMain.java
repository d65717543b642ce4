package io.scenelog.kafka.embedded;

import io.scenelog.kafka.embedded.internal.BrokerArguments;
import io.scenelog.kafka.embedded.internal.ReadyFile;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.utils.Exit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of the broker process started by {@link BrokerProcess}; usable by hand as well
 * ({@code java -cp scenelog.jar io.scenelog.kafka.embedded.BrokerMain --data-dir data/kafka}).
 *
 * <p>Exit status: 0 after a requested stop, 1 when the broker fails to start or dies of a fatal
 * error, 2 for bad arguments, 143 after SIGTERM. SIGTERM (and any other orderly JVM exit) shuts
 * the broker down cleanly through a shutdown hook. The process also stops when its parent process
 * dies, so a broker never outlives the application that started it.
 */
public final class BrokerMain {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerMain.class);
    private static final int START_FAILED = 1;
    private static final int BAD_ARGUMENTS = 2;

    private BrokerMain() {
    }

    /**
     * @param args see {@link BrokerArguments#USAGE}
     * @throws InterruptedException when the main thread is interrupted while the broker runs
     */
    public static void main(String[] args) throws InterruptedException {
        BrokerSettings settings;
        try {
            settings = BrokerArguments.parse(List.of(args));
        } catch (InvalidBrokerSettingsException e) {
            System.err.println(e.getMessage());
            System.err.println(BrokerArguments.USAGE);
            System.exit(BAD_ARGUMENTS);
            return;
        }
        EmbeddedKafkaBroker broker;
        try {
            broker = EmbeddedKafkaBroker.start(settings);
        } catch (RuntimeException e) {
            LOG.error("The broker for data directory {} failed to start.", settings.dataDirectory(), e);
            System.err.println("Broker failed to start: " + e.getMessage());
            System.exit(START_FAILED);
            return;
        }
        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(broker, stopping), "scenelog-broker-stop"));
        endProcessOnFatalError(stopping);
        exitWithParent();
        new ReadyFile(ProcessHandle.current().pid(), broker.bootstrapServers(), broker.clusterId())
                .write(settings.dataDirectory());
        System.out.println("READY " + broker.bootstrapServers());
        broker.awaitShutdown();
    }

    private static void stop(EmbeddedKafkaBroker broker, AtomicBoolean stopping) {
        stopping.set(true);
        // The ready file goes first: nobody should take a stopping broker for a ready one.
        ReadyFile.delete(broker.settings().dataDirectory());
        broker.close();
        System.out.println("Broker for data directory " + broker.settings().dataDirectory() + " stopped cleanly.");
    }

    /**
     * In this process the broker is the application: a fatal broker error must end the process so
     * that its parent sees it, instead of leaving a broken broker running. During the shutdown hook
     * an exit would wait for the hook itself, so then the error is only thrown.
     */
    private static void endProcessOnFatalError(AtomicBoolean stopping) {
        Exit.setExitProcedure((statusCode, message) -> {
            System.err.println("Fatal broker error, exiting with status " + statusCode + ": " + message);
            if (stopping.get()) {
                throw new BrokerFatalErrorException(statusCode, false, message);
            }
            System.exit(statusCode);
        });
        Exit.setHaltProcedure((statusCode, message) -> {
            System.err.println("Fatal broker error, halting with status " + statusCode + ": " + message);
            Runtime.getRuntime().halt(statusCode);
        });
    }

    private static void exitWithParent() {
        ProcessHandle.current().parent().ifPresentOrElse(parent -> parent.onExit().thenRun(() -> {
            LOG.info("Parent process pid {} ended; stopping the broker.", parent.pid());
            System.exit(0);
        }), () -> LOG.warn("This broker process has no parent process to follow; stop it with SIGTERM."));
    }
}
