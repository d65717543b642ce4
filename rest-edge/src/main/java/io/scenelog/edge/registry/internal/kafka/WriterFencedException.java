package io.scenelog.edge.registry.internal.kafka;

/**
 * Another registry instance took over the log's transactional id, so this instance's write was
 * not committed. Retryable: the writer re-initialises (fencing the other in turn), catches up
 * with the log, and decides the write again.
 */
final class WriterFencedException extends Exception {

    WriterFencedException(String message, Throwable cause) {
        super(message, cause);
    }
}
