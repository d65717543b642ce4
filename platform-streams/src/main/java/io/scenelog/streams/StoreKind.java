package io.scenelog.streams;

/** Where the pipeline keeps its state stores; both are backed by changelog topics and restored from them. */
public enum StoreKind {
    /** RocksDB on disk under the state directory, memory bounded by the RocksDB settings: production. */
    ROCKSDB,
    /** Heap maps, rebuilt from the changelogs on every start: tests and tiny deployments. */
    IN_MEMORY
}
