package io.scenelog.app.bench;

import java.util.List;
import java.util.UUID;

/**
 * The benchmark's scene as the set-up left it through the API.
 *
 * @param sceneId  the scene
 * @param entities every entity of the scene (reads pick among all of them)
 * @param clients  the load clients, each with its own principal and its own entities to write
 * @param peer     the principal of the direct-to-Kafka peer: an editor token minted by the API like the clients'
 */
record RestScene(UUID sceneId, List<UUID> entities, List<Client> clients, Client peer) {

    RestScene {
        entities = List.copyOf(entities);
        clients = List.copyOf(clients);
    }

    /**
     * One principal.
     *
     * @param name     its API key's name, which is its tokens' subject (and so its rate-limit bucket)
     * @param token    its bearer token
     * @param entities the entities only it writes, so writes never conflict
     */
    record Client(String name, String token, List<UUID> entities) {

        Client {
            entities = List.copyOf(entities);
        }
    }
}
