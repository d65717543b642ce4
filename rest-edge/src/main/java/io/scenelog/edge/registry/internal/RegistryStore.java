package io.scenelog.edge.registry.internal;

import java.util.function.Function;

/**
 * Where the registry's state lives. Reads see a consistent state; a write decides against a state
 * that has caught up with every earlier write, appends the decided records, and answers only once
 * they are applied, so the writer reads its own write.
 */
public interface RegistryStore {

    /** Runs a query against a consistent state. */
    <T> T read(Function<RegistryState, T> query);

    /**
     * Decides a write against the caught-up state, appends its records atomically, and returns the
     * decision's answer once the records are applied.
     *
     * @throws RegistryException the decision's own refusal, or a store failure or timeout
     */
    <T> T write(Function<RegistryState, Decision<T>> command);
}
