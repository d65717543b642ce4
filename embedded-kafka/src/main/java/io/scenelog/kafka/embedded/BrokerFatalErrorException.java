package io.scenelog.kafka.embedded;

/**
 * Kafka asked to terminate the JVM ({@code Exit.exit} or {@code Exit.halt}) because of a fatal
 * broker error. An in-process broker shares its JVM with the application or the test suite, so
 * {@link EmbeddedKafkaBroker} replaces Kafka's exit procedures with ones that throw this instead.
 */
public class BrokerFatalErrorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int statusCode;
    private final boolean halt;

    /**
     * @param statusCode the exit status Kafka asked for
     * @param halt       whether Kafka asked for an immediate halt rather than an orderly exit
     * @param reason     Kafka's reason, may be null
     */
    public BrokerFatalErrorException(int statusCode, boolean halt, String reason) {
        super("Kafka requested JVM " + (halt ? "halt" : "exit") + " with status " + statusCode
                + (reason == null ? "" : ": " + reason)
                + "; refused because the broker runs inside a shared JVM");
        this.statusCode = statusCode;
        this.halt = halt;
    }

    /** @return the exit status Kafka asked for */
    public int statusCode() {
        return statusCode;
    }

    /** @return true for {@code Exit.halt}, false for {@code Exit.exit} */
    public boolean halt() {
        return halt;
    }
}
