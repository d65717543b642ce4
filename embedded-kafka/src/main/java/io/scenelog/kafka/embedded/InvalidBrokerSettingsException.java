package io.scenelog.kafka.embedded;

/**
 * A {@link BrokerSettings} value (or a {@link BrokerMain} argument) is invalid. The message names
 * the setting and how to fix it; retrying with the same settings fails the same way.
 */
public class InvalidBrokerSettingsException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** @param message names the setting, its bad value and the fix */
    public InvalidBrokerSettingsException(String message) {
        super(message);
    }

    /**
     * @param message names the setting, its bad value and the fix
     * @param cause   the parser's own complaint
     */
    public InvalidBrokerSettingsException(String message, Throwable cause) {
        super(message, cause);
    }
}
