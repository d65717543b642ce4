package io.scenelog.kafka.embedded;

import java.nio.file.Path;

/**
 * Another broker, in this process or another one, already uses the data directory. Two brokers on
 * one directory would corrupt each other's logs, so the second one refuses to start.
 */
public class DataDirectoryInUseException extends BrokerStartException {
    private static final long serialVersionUID = 1L;

    private final transient Path dataDirectory;

    /**
     * @param dataDirectory the contested directory
     * @param holder        who holds it, as far as known (e.g. "process 1234")
     */
    public DataDirectoryInUseException(Path dataDirectory, String holder) {
        super("Data directory " + dataDirectory + " is already used by another Scenelog broker ("
                + holder + "): stop that broker first, or give this one another data directory");
        this.dataDirectory = dataDirectory;
    }

    /** @return the contested directory */
    public Path dataDirectory() {
        return dataDirectory;
    }
}
