package io.scenelog.kafka.embedded;

/**
 * The broker child process exited, or did not report readiness in time. The message carries the
 * child's pid, its exit status if any, and the last lines of its log file.
 */
public class BrokerProcessStartException extends BrokerStartException {
    private static final long serialVersionUID = 1L;

    /** @param message names the pid, the exit status and the log tail */
    public BrokerProcessStartException(String message) {
        super(message);
    }
}
