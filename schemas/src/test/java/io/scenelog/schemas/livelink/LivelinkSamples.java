package io.scenelog.schemas.livelink;

import io.scenelog.livelink.CameraOrbit;
import io.scenelog.livelink.CameraPan;
import io.scenelog.livelink.CameraPose;
import io.scenelog.livelink.CameraZoom;
import io.scenelog.livelink.Configure;
import io.scenelog.livelink.Control;
import io.scenelog.livelink.Disconnect;
import io.scenelog.livelink.DisconnectReason;
import io.scenelog.livelink.EntityStateQuery;
import io.scenelog.livelink.Heartbeat;
import io.scenelog.livelink.HeartbeatKind;
import io.scenelog.livelink.Hello;
import io.scenelog.livelink.Input;
import io.scenelog.livelink.InputEvent;
import io.scenelog.livelink.KeyAction;
import io.scenelog.livelink.KeyInput;
import io.scenelog.livelink.Limits;
import io.scenelog.livelink.PickHit;
import io.scenelog.livelink.PickQuery;
import io.scenelog.livelink.PointerAction;
import io.scenelog.livelink.PointerInput;
import io.scenelog.livelink.PointerType;
import io.scenelog.livelink.Presence;
import io.scenelog.livelink.PresenceKind;
import io.scenelog.livelink.Query;
import io.scenelog.livelink.QueryResult;
import io.scenelog.livelink.QueryStatus;
import io.scenelog.livelink.Refusal;
import io.scenelog.livelink.RefusalReason;
import io.scenelog.livelink.RequestKeyFrame;
import io.scenelog.livelink.ResumeOutcome;
import io.scenelog.livelink.VideoFrame;
import io.scenelog.livelink.VideoSettings;
import io.scenelog.livelink.VideoState;
import io.scenelog.livelink.VideoStatus;
import io.scenelog.livelink.Welcome;
import io.scenelog.livelink.WheelInput;
import io.scenelog.model.ActionResult;
import io.scenelog.model.ActionStatus;
import io.scenelog.model.Components;
import io.scenelog.model.CreateEntity;
import io.scenelog.model.Emitter;
import io.scenelog.model.EntityChange;
import io.scenelog.model.EntityChangeKind;
import io.scenelog.model.EntityState;
import io.scenelog.model.MeshRef;
import io.scenelog.model.PrimitiveShape;
import io.scenelog.model.Quat;
import io.scenelog.model.Role;
import io.scenelog.model.SceneAction;
import io.scenelog.model.SceneEvent;
import io.scenelog.model.SessionMode;
import io.scenelog.model.Transform;
import io.scenelog.model.UpdateComponents;
import io.scenelog.model.Vec3;
import io.scenelog.schemas.ScenelogSchemas;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The fixed sample frames whose bytes are pinned in {@code src/test/resources/livelink/golden}:
 * one per channel (named like the channel) and one per further union branch. Frames are permanent:
 * never change a sample, add new ones. Built with builders, not constructors, so that a new field
 * with a default leaves a sample as it was and the golden test, not the compiler, has the say.
 */
final class LivelinkSamples {

  static final UUID SCENE = UUID.fromString("5c3e1d2a-0000-4000-8000-000000000001");
  static final UUID SESSION = UUID.fromString("5e551017-0000-4000-8000-000000000002");
  static final UUID ENTITY = UUID.fromString("e0000000-0000-4000-8000-000000000003");
  static final UUID CAMERA = UUID.fromString("ca000000-0000-4000-8000-000000000004");
  static final UUID ACTION = UUID.fromString("ac000000-0000-4000-8000-000000000005");
  static final String CLIENT = "b1a2c3d4-e5f6-4789-9abc-def012345678";
  static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJiMWEyYzNkNCJ9.c2lnbmF0dXJl";
  static final Instant T0 = Instant.ofEpochMilli(1_763_000_000_123L);

  static {
    // Builders copy record and array defaults through Avro, which loads generated classes by name.
    ScenelogSchemas.trustGeneratedClasses();
  }

  private LivelinkSamples() {}

  /** Every sample by golden name, channels first in id order. */
  static Map<String, Frame> all() {
    Map<String, Frame> samples = new LinkedHashMap<>();
    samples.put("hello", Frame.of(hello()));
    samples.put("welcome", Frame.of(welcome()));
    samples.put("refusal", Frame.of(refusal()));
    samples.put("configure", Frame.of(configure()));
    samples.put("video", Frame.of(video()));
    samples.put("input", Frame.of(input()));
    samples.put("action", Frame.of(action()));
    samples.put("event", Frame.of(event()));
    samples.put("action-result", Frame.of(actionResult()));
    samples.put("presence", Frame.of(presence()));
    samples.put("control", Frame.of(control(disconnect())));
    samples.put("query", Frame.of(query()));
    samples.put("query-result", Frame.of(queryResult()));
    samples.put("heartbeat", Frame.of(heartbeat()));
    samples.put("control-request-key-frame",
        Frame.of(control(RequestKeyFrame.newBuilder().setLastFrameNumber(119L).build())));
    samples.put("control-video-status", Frame.of(control(videoStatus())));
    samples.put("query-pick", Frame.of(Query.newBuilder()
        .setQueryId(8L)
        .setQuery(PickQuery.newBuilder().setX(0.5f).setY(0.25f).build())
        .build()));
    samples.put("query-result-pick", Frame.of(pickResult()));
    samples.put("configure-no-video", Frame.of(Configure.newBuilder().setVideo(null).build()));
    return samples;
  }

  static Hello hello() {
    return Hello.newBuilder()
        .setProtocolVersion(1)
        .setMinProtocolVersion(1)
        .setToken(TOKEN)
        .setHeadless(false)
        .setVideoCodecs(List.of("avc1.42E01F", "vp8"))
        .setResumeFromVersion(41L)
        .setDisplayName("Alice")
        .setClientSoftware("scenelog-viewer/0.1.0")
        .build();
  }

  static Welcome welcome() {
    return Welcome.newBuilder()
        .setProtocolVersion(1)
        .setServerProtocolVersion(1)
        .setSceneId(SCENE)
        .setSessionId(SESSION)
        .setClientId(CLIENT)
        .setRole(Role.EDITOR)
        .setSessionMode(SessionMode.PERSISTENT)
        .setStartVersion(41L)
        .setResume(ResumeOutcome.RESUMED)
        .setHeartbeatIntervalMillis(5_000)
        .setHeartbeatTimeoutMillis(15_000)
        .setLimits(Limits.newBuilder()
            .setMaxFrameBytes(262_144)
            .setActionsPerSecond(50)
            .setActionBurst(100)
            .setFramesPerSecond(500)
            .setOutboundQueueFrames(1_024)
            .setOutboundQueueBytes(16_777_216L)
            .build())
        .setTokenExpiresAt(T0.plusSeconds(3_600))
        .setServerTime(T0)
        .setBridgeId("bridge-1")
        .build();
  }

  static Refusal refusal() {
    return Refusal.newBuilder()
        .setReason(RefusalReason.UNAVAILABLE)
        .setMessage("bridge-1 is draining")
        .setMinProtocolVersion(1)
        .setProtocolVersion(1)
        .setRetryAfterMillis(2_000)
        .build();
  }

  static Configure configure() {
    return Configure.newBuilder()
        .setVideo(VideoSettings.newBuilder()
            .setWidth(1280)
            .setHeight(720)
            .setMaxFramesPerSecond(30)
            .setCodecs(List.of("avc1.42E01F", "vp8"))
            .setMaxBitrateKbps(4_000)
            .build())
        .build();
  }

  static VideoFrame video() {
    return VideoFrame.newBuilder()
        .setFrameNumber(120L)
        .setKeyFrame(true)
        .setCodec("avc1.42E01F")
        .setWidth(1280)
        .setHeight(720)
        .setTimestampMicros(4_000_000L)
        .setSceneVersion(42L)
        .setCapturedAt(T0.plusMillis(7))
        .setRenderMicros(2_100)
        .setEncodeMicros(9_800)
        .setData(ByteBuffer.wrap(new byte[] {0, 0, 0, 1, 0x67, 0x42, (byte) 0xc0, 0x1f}))
        .build();
  }

  static Input input() {
    return Input.newBuilder()
        .setEvents(List.of(
            inputEvent(1_000_000L, PointerInput.newBuilder()
                .setAction(PointerAction.DOWN)
                .setPointerId(1)
                .setPointerType(PointerType.MOUSE)
                .setX(0.5f)
                .setY(0.25f)
                .setButton(0)
                .setButtons(1)
                .setModifiers(1)
                .build()),
            inputEvent(1_016_000L, KeyInput.newBuilder()
                .setAction(KeyAction.DOWN)
                .setCode("KeyW")
                .setKey("w")
                .setRepeat(false)
                .setModifiers(0)
                .build()),
            inputEvent(1_032_000L, WheelInput.newBuilder()
                .setX(0.5f)
                .setY(0.5f)
                .setDeltaX(0.0f)
                .setDeltaY(-120.0f)
                .setDeltaZ(0.0f)
                .setModifiers(2)
                .build()),
            inputEvent(1_048_000L,
                CameraOrbit.newBuilder().setYawDegrees(15.0f).setPitchDegrees(-5.0f).build()),
            inputEvent(1_064_000L, CameraPan.newBuilder().setDx(0.125f).setDy(-0.0625f).build()),
            inputEvent(1_080_000L, CameraZoom.newBuilder().setFactor(0.8f).build())))
        .build();
  }

  static SceneAction action() {
    return SceneAction.newBuilder()
        .setActionId(ACTION)
        .setSceneId(SCENE)
        .setSessionId(SESSION)
        .setClientId(CLIENT)
        .setToken("")
        .setClientSeq(7L)
        .setSentAt(T0)
        .setPersist(true)
        .setOperations(List.of(
            CreateEntity.newBuilder().setEntityId(ENTITY).setComponents(crate()).build(),
            UpdateComponents.newBuilder()
                .setEntityId(ENTITY)
                .setComponents(Components.newBuilder().setName("big crate").build())
                .setExpectedVersion(1L)
                .build()))
        .build();
  }

  static SceneEvent event() {
    return SceneEvent.newBuilder()
        .setSceneId(SCENE)
        .setVersion(42L)
        .setActionId(ACTION)
        .setEmitter(Emitter.newBuilder()
            .setClientId(CLIENT)
            .setRole(Role.EDITOR)
            .setSessionId(SESSION)
            .build())
        .setPersisted(true)
        .setCommittedAt(T0.plusMillis(3))
        .setChanges(List.of(
            EntityChange.newBuilder()
                .setEntityId(ENTITY)
                .setKind(EntityChangeKind.CREATED)
                .setEntityVersion(1L)
                .setComponents(crate())
                .setRemoved(List.of())
                .build(),
            EntityChange.newBuilder()
                .setEntityId(ENTITY)
                .setKind(EntityChangeKind.UPDATED)
                .setEntityVersion(2L)
                .setComponents(Components.newBuilder().setName("big crate").build())
                .setRemoved(List.of())
                .build()))
        .build();
  }

  static ActionResult actionResult() {
    return ActionResult.newBuilder()
        .setActionId(ACTION)
        .setSceneId(SCENE)
        .setSessionId(SESSION)
        .setClientId(CLIENT)
        .setClientSeq(7L)
        .setStatus(ActionStatus.ACCEPTED)
        .setReason(null)
        .setMessage("")
        .setSceneVersion(42L)
        .setDecidedAt(T0.plusMillis(3))
        .build();
  }

  static Presence presence() {
    return Presence.newBuilder()
        .setKind(PresenceKind.JOINED)
        .setClientId(CLIENT)
        .setDisplayName("Alice")
        .setRole(Role.EDITOR)
        .setHeadless(false)
        .setCamera(CameraPose.newBuilder()
            .setEntityId(CAMERA)
            .setTransform(transform(vec3(0.0, 1.6, 5.0)))
            .setFovDegrees(60.0f)
            .build())
        .setAt(T0)
        .build();
  }

  static Disconnect disconnect() {
    return Disconnect.newBuilder()
        .setReason(DisconnectReason.SLOW_CONSUMER)
        .setMessage("outbound queue full (1024 frames)")
        .setRetryAfterMillis(1_000)
        .build();
  }

  static VideoStatus videoStatus() {
    return VideoStatus.newBuilder()
        .setState(VideoState.STREAMING)
        .setCodec("avc1.42E01F")
        .setWidth(1280)
        .setHeight(720)
        .setFramesPerSecond(30)
        .setMessage("")
        .build();
  }

  static Query query() {
    return Query.newBuilder()
        .setQueryId(7L)
        .setQuery(EntityStateQuery.newBuilder().setEntityIds(List.of(ENTITY, CAMERA)).build())
        .build();
  }

  static QueryResult queryResult() {
    return QueryResult.newBuilder()
        .setQueryId(7L)
        .setStatus(QueryStatus.OK)
        .setMessage("")
        .setSceneVersion(42L)
        .setEntities(List.of(EntityState.newBuilder()
            .setSceneId(SCENE)
            .setEntityId(ENTITY)
            .setSessionId(null)
            .setVersion(2L)
            .setSceneVersion(42L)
            .setComponents(crate())
            .setUpdatedAt(T0.plusMillis(3))
            .build()))
        .setPart(0)
        .setLast(true)
        .setPick(null)
        .build();
  }

  static QueryResult pickResult() {
    return QueryResult.newBuilder()
        .setQueryId(8L)
        .setStatus(QueryStatus.OK)
        .setSceneVersion(42L)
        .setPick(PickHit.newBuilder()
            .setEntityId(ENTITY)
            .setPosition(vec3(1.5, 0.5, -2.0))
            .setDistance(4.75)
            .build())
        .build();
  }

  static Heartbeat heartbeat() {
    return Heartbeat.newBuilder()
        .setKind(HeartbeatKind.PING)
        .setSequence(3L)
        .setPingSentMicros(123_456_789L)
        .setSentAt(T0)
        .setSceneVersion(42L)
        .build();
  }

  private static Control control(Object command) {
    return Control.newBuilder().setCommand(command).build();
  }

  private static InputEvent inputEvent(long timeMicros, Object event) {
    return InputEvent.newBuilder().setTimeMicros(timeMicros).setEvent(event).build();
  }

  private static Components crate() {
    return Components.newBuilder()
        .setName("crate")
        .setTransform(transform(vec3(1.5, 0.0, -2.25)))
        .setMesh(MeshRef.newBuilder().setPrimitive(PrimitiveShape.CUBE).build())
        .setTags(List.of("prop"))
        .setVisible(true)
        .build();
  }

  private static Transform transform(Vec3 position) {
    return Transform.newBuilder()
        .setPosition(position)
        .setRotation(Quat.newBuilder().setX(0.0).setY(0.0).setZ(0.0).setW(1.0).build())
        .setScale(vec3(1.0, 1.0, 1.0))
        .build();
  }

  private static Vec3 vec3(double x, double y, double z) {
    return Vec3.newBuilder().setX(x).setY(y).setZ(z).build();
  }
}
