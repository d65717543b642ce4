package io.scenelog.app.simulate;

import java.util.List;
import java.util.UUID;

/**
 * Where a simulation's actions travel and where their results come back from: straight to Kafka ({@link KafkaPath},
 * {@code --via kafka}) or through the REST edge and a Livelink bridge ({@link LivelinkPath}, {@code --via livelink}).
 * Opened once before anything is sent, fed by the simulation's scheduler thread, closed at the end.
 */
interface ActionPath extends AutoCloseable {

    /** The path the settings ask for. */
    static ActionPath of(SimulationSettings settings) {
        return settings.livelink().<ActionPath>map(route -> new LivelinkPath(settings, route))
                .orElseGet(() -> new KafkaPath(settings));
    }

    /**
     * Checks the way and connects; creates the scene when the settings ask for it.
     *
     * @throws RuntimeException naming what is missing (schemas, the edge, the bridge, a refused token)
     */
    void open();

    /** The scene written to (a scene created through REST has its id only once opened). */
    UUID sceneId();

    /** The client whose results are counted. */
    String clientId();

    /**
     * Sends one action that persists these operations.
     *
     * @throws RuntimeException when the path is gone for good (a closed producer or connection): the run ends
     */
    void send(List<Object> operations);

    /** Hands everything sent so far to the network. */
    void flush();

    /** What the actions came to so far: handed over, undelivered, accepted, rejected by reason. */
    PathCounts counts();

    /** Throws what stopped the results from arriving, if anything did. */
    void rethrowFailure();

    /** Who refused the failed actions, for the final line, e.g. {@code Kafka}. */
    String refuser();

    @Override
    void close();
}
