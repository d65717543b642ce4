package io.scenelog.streams.query;

import io.scenelog.schemas.registry.SchemaRegistryClient;
import io.scenelog.streams.internal.PeerQueries;
import java.util.List;

/**
 * State queries for a process that is not a platform-streams instance (a REST edge in a cluster): it asks the
 * instances' query endpoints (their {@code application.server} addresses) until the owner of the scene answers.
 */
public final class RemoteSceneStateQueries {

    private RemoteSceneStateQueries() {
    }

    /**
     * Queries over the given instances.
     *
     * @param endpoints {@code host:port} of each instance's query endpoint
     * @param registry  the schema registry the pipeline writes with
     */
    public static SceneStateQueries over(List<String> endpoints, SchemaRegistryClient registry) {
        return new PeerQueries(endpoints, registry);
    }
}
