package io.scenelog.kafka.embedded;

/**
 * The data directory was formatted for another cluster id or node id than the settings ask for.
 * Starting anyway would either fail deep inside Kafka or silently join the wrong cluster.
 */
public class DataDirectoryMismatchException extends BrokerStartException {
    private static final long serialVersionUID = 1L;

    /** @param message names the directory, the persisted value and the requested one */
    public DataDirectoryMismatchException(String message) {
        super(message);
    }
}
