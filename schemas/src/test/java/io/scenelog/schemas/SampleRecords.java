package io.scenelog.schemas;

import io.scenelog.model.ActionResult;
import io.scenelog.model.ApiKeyRecord;
import io.scenelog.model.ActionStatus;
import io.scenelog.model.AssetKind;
import io.scenelog.model.AssetRecord;
import io.scenelog.model.AssetRef;
import io.scenelog.model.AssetSummary;
import io.scenelog.model.ClientJoined;
import io.scenelog.model.Camera;
import io.scenelog.model.Color;
import io.scenelog.model.ComponentKind;
import io.scenelog.model.Components;
import io.scenelog.model.CreateEntity;
import io.scenelog.model.DeleteEntity;
import io.scenelog.model.Emitter;
import io.scenelog.model.EntityChange;
import io.scenelog.model.EntityChangeKind;
import io.scenelog.model.EntityState;
import io.scenelog.model.Light;
import io.scenelog.model.LightType;
import io.scenelog.model.Material;
import io.scenelog.model.MeshRef;
import io.scenelog.model.NodeState;
import io.scenelog.model.NodeStatus;
import io.scenelog.model.PrimitiveShape;
import io.scenelog.model.Quat;
import io.scenelog.model.ReasonCode;
import io.scenelog.model.RemoveComponents;
import io.scenelog.model.Reparent;
import io.scenelog.model.Role;
import io.scenelog.model.SceneAction;
import io.scenelog.model.SceneControl;
import io.scenelog.model.SceneEvent;
import io.scenelog.model.SceneRecord;
import io.scenelog.model.SceneStatus;
import io.scenelog.model.SessionClient;
import io.scenelog.model.SessionMode;
import io.scenelog.model.SessionRecord;
import io.scenelog.model.SessionStatus;
import io.scenelog.model.Transform;
import io.scenelog.model.UpdateComponents;
import io.scenelog.model.Vec3;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

/** Fully populated examples of every top-level record, using every component and operation. */
public final class SampleRecords {

  public static final UUID SCENE = UUID.fromString("5c3e1d2a-0000-4000-8000-000000000001");
  public static final UUID SESSION = UUID.fromString("5e551017-0000-4000-8000-000000000002");
  public static final UUID ENTITY = UUID.fromString("e0000000-0000-4000-8000-000000000003");
  public static final UUID CHILD = UUID.fromString("e0000000-0000-4000-8000-000000000004");
  public static final UUID ACTION = UUID.fromString("ac000000-0000-4000-8000-000000000005");
  public static final UUID ASSET = UUID.fromString("a5500000-0000-4000-8000-000000000006");
  public static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
  private static final Instant T0 = Instant.ofEpochMilli(1_763_000_000_123L);

  private SampleRecords() {}

  /** One of each top-level record. */
  public static List<SpecificRecord> all() {
    return List.of(
        sceneAction(), sceneEvent(), entityState(), actionResult(), sessionRecord(),
        assetRecord(), nodeStatus(), sceneControl(), sceneRecord(), apiKeyRecord());
  }

  public static Components fullComponents() {
    Color white = new Color(1.0f, 1.0f, 1.0f, 1.0f);
    return Components.newBuilder()
        .setName("crate")
        .setTransform(new Transform(new Vec3(1.5, 0.0, -2.25), new Quat(0.0, 0.0, 0.0, 1.0),
            new Vec3(1.0, 1.0, 1.0)))
        .setParent(CHILD)
        .setMesh(new MeshRef(new AssetRef(SHA, ASSET), null))
        .setMaterial(new Material(new Color(0.5f, 0.25f, 0.125f, 1.0f), 0.0f, 0.5f,
            new AssetRef(SHA, null)))
        .setCamera(new Camera(60.0f, 0.1f, 1000.0f, "alice"))
        .setLight(new Light(LightType.SPOT, white, 800.0f, 25.0f, 10.0f, 30.0f))
        .setTags(List.of("prop", "wooden"))
        .setVisible(true)
        .build();
  }

  public static SceneAction sceneAction() {
    Components moved = Components.newBuilder()
        .setMesh(new MeshRef(null, PrimitiveShape.SPHERE))
        .build();
    return SceneAction.newBuilder()
        .setActionId(ACTION)
        .setSceneId(SCENE)
        .setSessionId(SESSION)
        .setClientId("alice")
        .setToken("eyJhbGciOiJIUzI1NiJ9.e30.signature")
        .setClientSeq(42L)
        .setSentAt(T0)
        .setPersist(true)
        .setOperations(List.of(
            new CreateEntity(ENTITY, fullComponents()),
            new UpdateComponents(ENTITY, moved, 1L),
            new RemoveComponents(ENTITY, List.of(ComponentKind.LIGHT, ComponentKind.TAGS), null),
            new Reparent(ENTITY, null, 3L),
            new DeleteEntity(ENTITY, 4L)))
        .build();
  }

  public static SceneEvent sceneEvent() {
    return SceneEvent.newBuilder()
        .setSceneId(SCENE)
        .setVersion(17L)
        .setActionId(ACTION)
        .setEmitter(new Emitter("alice", Role.EDITOR, SESSION))
        .setPersisted(true)
        .setCommittedAt(T0.plusMillis(3))
        .setChanges(List.of(
            new EntityChange(ENTITY, EntityChangeKind.CREATED, 1L, fullComponents(), List.of()),
            new EntityChange(ENTITY, EntityChangeKind.COMPONENTS_REMOVED, 2L,
                new Components(), List.of(ComponentKind.CAMERA)),
            new EntityChange(ENTITY, EntityChangeKind.REPARENTED, 3L, new Components(),
                List.of(ComponentKind.PARENT))))
        .build();
  }

  public static EntityState entityState() {
    return EntityState.newBuilder()
        .setSceneId(SCENE)
        .setEntityId(ENTITY)
        .setSessionId(null)
        .setVersion(3L)
        .setSceneVersion(17L)
        .setComponents(fullComponents())
        .setUpdatedAt(T0)
        .build();
  }

  public static ActionResult actionResult() {
    return ActionResult.newBuilder()
        .setActionId(ACTION)
        .setSceneId(SCENE)
        .setSessionId(SESSION)
        .setClientId("alice")
        .setClientSeq(42L)
        .setStatus(ActionStatus.REJECTED)
        .setReason(ReasonCode.DUPLICATE)
        .setMessage("action ac000000 was decided before")
        .setSceneVersion(null)
        .setOriginalStatus(ActionStatus.REJECTED)
        .setOriginalReason(ReasonCode.VERSION_CONFLICT)
        .setDecidedAt(T0.plusMillis(5))
        .build();
  }

  public static SessionRecord sessionRecord() {
    return SessionRecord.newBuilder()
        .setSessionId(SESSION)
        .setSceneId(SCENE)
        .setMode(SessionMode.PERSISTENT)
        .setStatus(SessionStatus.RUNNING)
        .setNodeId("node-1")
        .setFrameEndpoint("tcp://10.0.0.7:7001")
        .setClients(List.of(
            new SessionClient("alice", Role.EDITOR, false, T0),
            new SessionClient("robot-7", Role.VIEWER, true, T0.plusSeconds(1))))
        .setCreatedAt(T0.minusSeconds(60))
        .setUpdatedAt(T0.plusSeconds(1))
        .setEndReason(null)
        .build();
  }

  public static AssetRecord assetRecord() {
    return AssetRecord.newBuilder()
        .setAssetId(ASSET)
        .setSha256(SHA)
        .setKind(AssetKind.GLTF_PACKAGE)
        .setMediaType("model/gltf+json")
        .setSizeBytes(123_456L)
        .setName("crate.gltf")
        .setSceneId(SCENE)
        .setDependencies(List.of(SHA.replace('9', 'a')))
        .setSummary(new AssetSummary(2, 1, 12_000L, 3))
        .setUploadedBy("alice")
        .setUploadedAt(T0)
        .build();
  }

  public static NodeStatus nodeStatus() {
    return NodeStatus.newBuilder()
        .setNodeId("node-1")
        .setStatus(NodeState.UP)
        .setCapacity(4)
        .setSessions(List.of(SESSION))
        .setCpuLoad(0.375)
        .setDevice("llvmpipe (CPU)")
        .setHost("10.0.0.7")
        .setFrameEndpoint(null)
        .setHeartbeatAt(T0)
        .build();
  }

  public static SceneControl sceneControl() {
    return SceneControl.newBuilder()
        .setCommandId(ACTION)
        .setSceneId(SCENE)
        .setClientId("bridge-1")
        .setToken("eyJhbGciOiJIUzI1NiJ9.e30.signature")
        .setIssuedAt(T0)
        .setCommand(new ClientJoined(SESSION, "alice", Role.EDITOR, false))
        .build();
  }

  public static SceneRecord sceneRecord() {
    return SceneRecord.newBuilder()
        .setSceneId(SCENE)
        .setName("warehouse")
        .setSettings(Map.of("sky", "#87ceeb"))
        .setStatus(SceneStatus.ACTIVE)
        .setVersion(17L)
        .setEntityCount(2L)
        .setCreatedAt(T0.minusSeconds(3600))
        .setUpdatedAt(T0)
        .build();
  }

  public static ApiKeyRecord apiKeyRecord() {
    return ApiKeyRecord.newBuilder()
        .setKeyId(UUID.fromString("7d7a1a4e-0c43-4a57-9a8e-0d1f1f3c2b11"))
        .setName("warehouse-sim")
        .setRole(Role.EDITOR)
        .setSceneId(SCENE)
        .setSecretSha256("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
        .setCreatedAt(T0.minusSeconds(60))
        .setCreatedBy("admin")
        .build();
  }
}
