package io.scenelog.app.bench;

import io.scenelog.model.Components;
import io.scenelog.model.CreateEntity;
import io.scenelog.model.Quat;
import io.scenelog.model.Role;
import io.scenelog.model.SceneAction;
import io.scenelog.model.SceneControl;
import io.scenelog.model.Transform;
import io.scenelog.model.UpdateComponents;
import io.scenelog.model.Vec3;
import io.scenelog.streams.SceneCommands;
import io.scenelog.streams.StateKeys;
import io.scenelog.streams.auth.TokenClaims;
import io.scenelog.streams.auth.TokenIssuer;
import io.scenelog.streams.auth.TokenKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark's scenes and actions: one scene per partition (so every task has work), a few entities per scene,
 * and transform updates that are always accepted, so every action becomes one committed event. The same shape as
 * {@code scenelog simulate}'s traffic.
 */
final class Workload {

    static final int ENTITIES_PER_SCENE = 10;
    private static final Duration TOKEN_TTL = Duration.ofHours(2);

    private final String clientId = "bench-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<UUID> scenes;
    private final Map<UUID, List<UUID>> entities;
    private final String editorToken;
    private final SceneCommands commands;
    private final AtomicLong clientSeq = new AtomicLong();
    private final AtomicLong moves = new AtomicLong();

    Workload(TokenKey key, int partitions) {
        this.scenes = scenesCoveringPartitions(partitions);
        Map<UUID, List<UUID>> byScene = new HashMap<>();
        for (UUID scene : scenes) {
            List<UUID> ids = new ArrayList<>();
            for (int i = 0; i < ENTITIES_PER_SCENE; i++) {
                ids.add(UUID.randomUUID());
            }
            byScene.put(scene, List.copyOf(ids));
        }
        this.entities = Map.copyOf(byScene);
        TokenIssuer issuer = new TokenIssuer(key, Clock.systemUTC());
        this.editorToken = issuer.issue(TokenClaims.of(clientId, Role.EDITOR), TOKEN_TTL);
        this.commands = new SceneCommands(clientId, issuer.issue(TokenClaims.of(clientId, Role.ADMIN), TOKEN_TTL),
                Clock.systemUTC());
    }

    List<UUID> scenes() {
        return scenes;
    }

    String clientId() {
        return clientId;
    }

    SceneControl createScene(UUID sceneId) {
        return commands.createScene(sceneId, "bench", Map.of());
    }

    SceneAction createEntities(UUID sceneId) {
        List<Object> operations = new ArrayList<>();
        for (UUID entity : entities.get(sceneId)) {
            operations.add(CreateEntity.newBuilder().setEntityId(entity)
                    .setComponents(Components.newBuilder().setName("body").setTransform(at(0)).build()).build());
        }
        return action(sceneId, operations);
    }

    /** The {@code n}-th move: scenes in turn, entities in turn within each scene. */
    SceneAction move(long n) {
        UUID scene = scenes.get((int) (n % scenes.size()));
        List<UUID> ids = entities.get(scene);
        UUID entity = ids.get((int) ((n / scenes.size()) % ids.size()));
        return action(scene, List.of(UpdateComponents.newBuilder().setEntityId(entity)
                .setComponents(Components.newBuilder().setTransform(at(moves.incrementAndGet() * 0.001)).build())
                .setExpectedVersion(null).build()));
    }

    private SceneAction action(UUID sceneId, List<Object> operations) {
        return SceneAction.newBuilder().setActionId(UUID.randomUUID()).setSceneId(sceneId).setSessionId(null)
                .setClientId(clientId).setToken(editorToken).setClientSeq(clientSeq.incrementAndGet())
                .setSentAt(Instant.now()).setPersist(true).setOperations(operations).build();
    }

    private static Transform at(double x) {
        return new Transform(new Vec3(x, 0.0, 0.0), new Quat(0.0, 0.0, 0.0, 1.0), new Vec3(1.0, 1.0, 1.0));
    }

    private static List<UUID> scenesCoveringPartitions(int partitions) {
        List<UUID> scenes = new ArrayList<>();
        Set<Integer> covered = new HashSet<>();
        while (covered.size() < partitions) {
            UUID candidate = UUID.randomUUID();
            if (covered.add(StateKeys.partitionOf(candidate, partitions))) {
                scenes.add(candidate);
            }
        }
        return List.copyOf(scenes);
    }
}
