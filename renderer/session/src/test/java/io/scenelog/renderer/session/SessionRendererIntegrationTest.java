package io.scenelog.renderer.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenelog.livelink.CameraOrbit;
import io.scenelog.livelink.Configure;
import io.scenelog.livelink.Input;
import io.scenelog.livelink.InputEvent;
import io.scenelog.livelink.PickQuery;
import io.scenelog.livelink.Query;
import io.scenelog.livelink.QueryResult;
import io.scenelog.livelink.QueryStatus;
import io.scenelog.livelink.VideoFrame;
import io.scenelog.livelink.VideoSettings;
import io.scenelog.model.Camera;
import io.scenelog.model.Color;
import io.scenelog.model.Components;
import io.scenelog.model.CreateEntity;
import io.scenelog.model.Material;
import io.scenelog.model.MeshRef;
import io.scenelog.model.PrimitiveShape;
import io.scenelog.model.Quat;
import io.scenelog.model.Role;
import io.scenelog.model.Transform;
import io.scenelog.model.UpdateComponents;
import io.scenelog.model.Vec3;
import io.scenelog.renderer.video.DecodedFrame;
import io.scenelog.renderer.video.VideoCodec;
import io.scenelog.renderer.video.VideoDecoder;
import io.scenelog.renderer.video.VideoDecoders;
import io.scenelog.streams.auth.TokenClaims;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The renderer of a session end to end: the real platform (broker, registry, platform-streams), a scene with a red
 * cube in front of the client's camera, a {@link SessionRenderer} in this JVM (Vulkan on lavapipe, FFmpeg's
 * encoders), and a bridge on RenderLink with a service token that configures a client's stream and decodes it.
 *
 * <p>At 320x180 the default camera (0, 2, 6), pitched 20 degrees down, sees the unit cube at the origin around pixel
 * (160, 86), about 24 pixels across; the top rows show the sky.
 */
class SessionRendererIntegrationTest {

    private static final Duration FRAME_WAIT = Duration.ofSeconds(20);
    private static final int WIDTH = 320;
    private static final int HEIGHT = 180;
    private static final int CUBE_X = 160;
    private static final int CUBE_Y = 86;
    private static final int SKY_X = 24;
    private static final int SKY_Y = 10;
    /** {@code #87ceeb}, the scene's sky, in sRGB as the picture shows it. */
    private static final int[] SKY = {0x87, 0xce, 0xeb};
    /** How many frames a codec may take to show a change once a frame of the new version arrived. */
    private static final int SETTLE_FRAMES = 10;
    private static final String CLIENT = "viewer-1";

    private final RendererPlatform platform = RendererPlatform.get();
    private final UUID sceneId = UUID.randomUUID();
    private final UUID sessionId = UUID.randomUUID();
    private final UUID cubeId = UUID.randomUUID();
    private final UUID cameraId = UUID.randomUUID();
    private SessionRenderer renderer;
    private BridgeEnd bridge;
    private VideoDecoder decoder;
    private long sceneReady;

    @BeforeEach
    void startRenderer() throws Exception {
        // given: a scene with a red cube at the origin and the client's camera where a bridge puts a new client's
        platform.sceneWithSession(sceneId, sessionId, Map.of("skyColor", "#87ceeb"), CLIENT, Role.EDITOR);
        platform.act(sceneId, sessionId, CLIENT, Role.EDITOR, true, new CreateEntity(cubeId, Components.newBuilder()
                .setName("cube").setTransform(at(0, 0, 0)).setMesh(new MeshRef(null, PrimitiveShape.CUBE))
                .setMaterial(material(0.8f, 0.05f, 0.05f)).build()));
        sceneReady = platform.act(sceneId, sessionId, CLIENT, Role.EDITOR, false, new CreateEntity(cameraId,
                Components.newBuilder().setName("camera of " + CLIENT)
                        .setCamera(new Camera(60f, 0.1f, 1000f, CLIENT))
                        // pitched 20 degrees down about +x
                        .setTransform(new Transform(new Vec3(0.0, 2.0, 6.0),
                                new Quat(-0.17364817766693033, 0.0, 0.0, 0.984807753012208), new Vec3(1.0, 1.0, 1.0)))
                        .build()));
        Path directory = platform.directory("renderer");
        renderer = SessionRenderer.start(platform.rendererSettings(sceneId, sessionId, directory));
        bridge = BridgeEnd.connect(renderer.frameEndpoint(),
                platform.mint(TokenClaims.of("bridge-e2e", Role.ADMIN).forSession(sessionId)));
    }

    @AfterEach
    void stopRenderer() throws Exception {
        if (bridge != null) {
            bridge.close();
        }
        if (decoder != null) {
            decoder.close();
        }
        if (renderer != null) {
            renderer.close();
        }
    }

    @Test
    void shouldStreamTheSceneInH264AndShowACommittedColourChangePickAndCameraMove() throws Exception {
        // given
        assertThat(bridge.welcome().getSessionId()).isEqualTo(sessionId);
        decoder = VideoDecoders.open(VideoCodec.H264_CONSTRAINED_BASELINE);

        // when: the client asks for H.264 video
        bridge.send(CLIENT, new Configure(new VideoSettings(WIDTH, HEIGHT, 15, List.of("avc1.42E01F", "vp8"),
                null)));

        // then: a key frame first, and once the renderer shows the scene, the cube is red before the sky
        VideoFrame first = bridge.nextVideo(FRAME_WAIT);
        assertThat(first.getKeyFrame()).as("the first frame is a key frame").isTrue();
        assertThat(first.getCodec()).isEqualTo("avc1.42E01F");
        assertThat(first.getWidth()).isEqualTo(WIDTH);
        assertThat(first.getHeight()).isEqualTo(HEIGHT);
        decode(first);
        DecodedFrame shown = awaitPicture(sceneReady, picture -> isRed(cubePixel(picture)));
        assertThat(skyPixel(shown)).as("the sky").satisfies(pixel -> assertNear(pixel, SKY, 24));

        // when: a pick at the cube's centre
        bridge.send(CLIENT, new Query(7L, new PickQuery(CUBE_X / (float) WIDTH, CUBE_Y / (float) HEIGHT)));

        // then
        QueryResult pick = bridge.awaitMessage(frame -> frame.payload() instanceof QueryResult result
                && result.getQueryId() == 7L, FRAME_WAIT).payload(QueryResult.class);
        assertThat(pick.getStatus()).isEqualTo(QueryStatus.OK);
        assertThat(pick.getPick()).as("a hit").isNotNull();
        assertThat(pick.getPick().getEntityId()).isEqualTo(cubeId);

        // when: an edit turns the cube blue
        long edited = platform.act(sceneId, sessionId, CLIENT, Role.EDITOR, true, new UpdateComponents(cubeId,
                Components.newBuilder().setMaterial(material(0.05f, 0.05f, 0.8f)).build(), null));

        // then: frames of that version show it
        DecodedFrame blue = awaitPicture(edited, picture -> isBlue(cubePixel(picture)));

        // when: the client orbits its camera up over the cube (its orbit target is where it looks at the ground)
        bridge.send(CLIENT, new Input(List.of(new InputEvent(0L, new CameraOrbit(30f, 40f)))));

        // then: its camera entity's committed transform rose, and the picture changed
        RendererPlatform.await(() -> platform.entity(sceneId, sessionId, cameraId)
                .map(camera -> camera.getComponents().getTransform().getPosition())
                .filter(position -> position.getY() > 3.5).isPresent(), "the camera's move to commit");
        awaitFrames(picture -> changedShare(blue, picture) > 0.01, SETTLE_FRAMES * 3,
                "a picture of the orbited camera");
    }

    @Test
    void shouldStreamTheSceneInVp8AndShowTheCubeMovedAway() throws Exception {
        // given
        decoder = VideoDecoders.open(VideoCodec.VP8);

        // when: the client asks for VP8 only
        bridge.send(CLIENT, new Configure(new VideoSettings(WIDTH, HEIGHT, 15, List.of("vp8"), null)));

        // then
        VideoFrame first = bridge.nextVideo(FRAME_WAIT);
        assertThat(first.getKeyFrame()).as("the first frame is a key frame").isTrue();
        assertThat(first.getCodec()).isEqualTo("vp8");
        decode(first);
        awaitPicture(sceneReady, picture -> isRed(cubePixel(picture)));

        // when: an edit moves the cube far to the side
        long moved = platform.act(sceneId, sessionId, CLIENT, Role.EDITOR, true, new UpdateComponents(cubeId,
                Components.newBuilder().setTransform(at(50, 0, 0)).build(), null));

        // then: where it was, the picture shows what is behind it, no red
        awaitPicture(moved, picture -> !isRed(cubePixel(picture)));
        assertThat(renderer.scrape()).contains("renderer_frames_sent_total").contains("renderlink_connections");
    }

    /**
     * Decodes frames until one of at least the scene version has the property, within {@link #SETTLE_FRAMES} of the
     * first such frame (a codec at a low bitrate may take a few frames to converge on a change).
     */
    private DecodedFrame awaitPicture(long sceneVersion, Predicate<DecodedFrame> property) throws Exception {
        int ofVersion = 0;
        while (ofVersion < SETTLE_FRAMES) {
            VideoFrame frame = bridge.nextVideo(FRAME_WAIT);
            Optional<DecodedFrame> picture = decode(frame);
            if (frame.getSceneVersion() < sceneVersion) {
                continue;
            }
            ofVersion++;
            if (picture.isPresent() && property.test(picture.get())) {
                return picture.get();
            }
        }
        throw new AssertionError("None of the first " + SETTLE_FRAMES + " frames of scene version " + sceneVersion
                + " or later showed the change");
    }

    private void awaitFrames(Predicate<DecodedFrame> property, int frames, String what) throws Exception {
        for (int i = 0; i < frames; i++) {
            Optional<DecodedFrame> picture = decode(bridge.nextVideo(FRAME_WAIT));
            if (picture.isPresent() && property.test(picture.get())) {
                return;
            }
        }
        throw new AssertionError("None of " + frames + " frames showed " + what);
    }

    /** The share of pixels that differ by more than a codec's noise in some channel. */
    private static double changedShare(DecodedFrame before, DecodedFrame after) {
        int changed = 0;
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int a = before.rgbaAt(x, y);
                int b = after.rgbaAt(x, y);
                for (int shift = 8; shift <= 24; shift += 8) {
                    if (Math.abs((a >>> shift & 0xff) - (b >>> shift & 0xff)) > 32) {
                        changed++;
                        break;
                    }
                }
            }
        }
        return changed / (double) (WIDTH * HEIGHT);
    }

    private Optional<DecodedFrame> decode(VideoFrame frame) {
        ByteBuffer data = frame.getData().duplicate();
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        Optional<DecodedFrame> picture = decoder.decode(bytes);
        picture.ifPresent(decoded -> assertThat(decoded.width()).isEqualTo(WIDTH));
        return picture;
    }

    private static Transform at(double x, double y, double z) {
        return new Transform(new Vec3(x, y, z), new Quat(0.0, 0.0, 0.0, 1.0), new Vec3(1.0, 1.0, 1.0));
    }

    private static Material material(float r, float g, float b) {
        return Material.newBuilder().setBaseColor(new Color(r, g, b, 1f)).setRoughness(1f).build();
    }

    private static int[] cubePixel(DecodedFrame picture) {
        return average(picture, CUBE_X, CUBE_Y);
    }

    private static int[] skyPixel(DecodedFrame picture) {
        return average(picture, SKY_X, SKY_Y);
    }

    /** The mean colour of the 5x5 pixels around a point: one pixel of a lossy picture is noise. */
    private static int[] average(DecodedFrame picture, int x, int y) {
        int[] sum = new int[3];
        for (int dy = -2; dy <= 2; dy++) {
            for (int dx = -2; dx <= 2; dx++) {
                int rgba = picture.rgbaAt(x + dx, y + dy);
                sum[0] += rgba >>> 24;
                sum[1] += rgba >>> 16 & 0xff;
                sum[2] += rgba >>> 8 & 0xff;
            }
        }
        return new int[] {sum[0] / 25, sum[1] / 25, sum[2] / 25};
    }

    private static boolean isRed(int[] rgb) {
        return rgb[0] > 60 && rgb[0] > 2 * rgb[1] && rgb[0] > 2 * rgb[2];
    }

    private static boolean isBlue(int[] rgb) {
        return rgb[2] > 60 && rgb[2] > 2 * rgb[0] && rgb[2] > 2 * rgb[1];
    }

    private static void assertNear(int[] actual, int[] expected, int tolerance) {
        for (int channel = 0; channel < 3; channel++) {
            assertThat(actual[channel]).as("channel %s of %s", channel, java.util.Arrays.toString(actual))
                    .isBetween(expected[channel] - tolerance, expected[channel] + tolerance);
        }
    }
}
