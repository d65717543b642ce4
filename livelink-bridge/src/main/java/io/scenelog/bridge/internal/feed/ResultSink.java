package io.scenelog.bridge.internal.feed;

/** Where the feed hands every {@code action-results} record of its partitions; on the feed's thread, must not block. */
public interface ResultSink {

    /**
     * @param key   the record key: the session id (or the client id for writes without a session)
     * @param value the record value in the Confluent wire format
     * @throws RuntimeException when the record cannot be handled: the feed reads it again later when the failure
     *     passes (the registry could not be asked), else skips it with a log line and a count
     */
    void onResult(String key, byte[] value);
}
