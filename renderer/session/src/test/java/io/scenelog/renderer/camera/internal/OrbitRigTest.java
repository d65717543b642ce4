package io.scenelog.renderer.camera.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scenelog.livelink.CameraOrbit;
import io.scenelog.livelink.CameraZoom;
import io.scenelog.livelink.InputEvent;
import io.scenelog.livelink.PointerAction;
import io.scenelog.livelink.PointerInput;
import io.scenelog.livelink.PointerType;
import io.scenelog.livelink.WheelInput;
import org.joml.Quaternionf;
import org.joml.Vector3f;
import org.junit.jupiter.api.Test;

class OrbitRigTest {

    private static OrbitRig frontView() {
        return new OrbitRig(new Vector3f(), 0f, 0f, 10f);
    }

    private static void assertNear(Vector3f actual, float x, float y, float z) {
        assertThat(actual.distance(new Vector3f(x, y, z))).as("%s", actual).isLessThan(1e-4f);
    }

    @Test
    void shouldLookAtTheTargetFromItsPose() {
        // given
        OrbitRig rig = frontView();

        // then
        assertNear(rig.position(), 0, 0, 10);
        assertNear(rig.rotation().transform(new Vector3f(0, 0, -1)), 0, 0, -1);
    }

    @Test
    void shouldOrbitCounterClockwiseSeenFromAbove() {
        // given
        OrbitRig rig = frontView();

        // when
        rig.orbit(90f, 0f);

        // then the camera moved from +z to +x and still looks at the target
        assertNear(rig.position(), 10, 0, 0);
        assertNear(rig.rotation().transform(new Vector3f(0, 0, -1)), -1, 0, 0);
    }

    @Test
    void shouldStopPitchShortOfThePoles() {
        // given
        OrbitRig rig = frontView();

        // when
        rig.orbit(0f, 500f);

        // then
        assertThat(rig.pitchDegrees()).isEqualTo(OrbitRig.MAX_PITCH_DEGREES);
        assertThat(rig.position().y).isLessThan(10f).isGreaterThan(9.99f);
    }

    @Test
    void shouldZoomByAFactorAndRefuseOneOfZeroOrLess() {
        // given
        OrbitRig rig = frontView();

        // when
        rig.zoom(0.5f);

        // then
        assertNear(rig.position(), 0, 0, 5);
        assertThatThrownBy(() -> rig.zoom(0f)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rig.zoom(Float.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertNear(rig.position(), 0, 0, 5);
    }

    @Test
    void shouldPanCameraAndTargetAsIfDraggingTheScene() {
        // given a 90 degree view 10 m from the target: the view is 20 m high and, at aspect 1, 20 m wide
        OrbitRig rig = frontView();

        // when the scene moves a quarter of the width right and a quarter of the height down
        rig.pan(0.25f, 0.25f, 90f, 1f);

        // then the camera moved 5 m left and 5 m up
        assertNear(rig.target(), -5, 5, 0);
        assertNear(rig.position(), -5, 5, 10);
    }

    @Test
    void shouldFindTheTargetWhereTheViewMeetsTheGround() {
        // given a camera 2 m up looking down 45 degrees
        Quaternionf down = new Quaternionf().rotateX((float) Math.toRadians(-45));

        // when
        OrbitRig rig = OrbitRig.at(new Vector3f(0, 2, 2), down);

        // then
        assertNear(rig.target(), 0, 0, 0);
        assertThat(rig.pitchDegrees()).isCloseTo(45f, org.assertj.core.data.Offset.offset(1e-3f));
        assertNear(rig.position(), 0, 2, 2);
    }

    @Test
    void shouldOrbitWithTheMainButtonAndPanWithTheSecondary() {
        // given
        InputGestures gestures = new InputGestures();
        OrbitRig orbiting = frontView();
        OrbitRig panning = frontView();

        // when dragging a tenth of the width to the right with each button
        gestures.apply(pointer(PointerAction.DOWN, 0.5f, 1), orbiting, 60f, 1f);
        gestures.apply(pointer(PointerAction.MOVE, 0.6f, 1), orbiting, 60f, 1f);
        gestures.apply(pointer(PointerAction.UP, 0.6f, 0), orbiting, 60f, 1f);
        gestures.apply(pointer(PointerAction.DOWN, 0.5f, 2), panning, 60f, 1f);
        gestures.apply(pointer(PointerAction.MOVE, 0.6f, 2), panning, 60f, 1f);

        // then the main button turned the camera left around the target, the secondary moved the target
        assertThat(orbiting.yawDegrees()).isCloseTo(-18f, org.assertj.core.data.Offset.offset(1e-3f));
        assertNear(orbiting.target(), 0, 0, 0);
        assertThat(panning.yawDegrees()).isEqualTo(0f);
        assertThat(panning.target().x).isLessThan(-0.1f);
    }

    @Test
    void shouldNotMoveOnAPointerMoveWithoutButtons() {
        // given
        InputGestures gestures = new InputGestures();
        OrbitRig rig = frontView();

        // when
        boolean first = gestures.apply(pointer(PointerAction.MOVE, 0.1f, 0), rig, 60f, 1f);
        boolean second = gestures.apply(pointer(PointerAction.MOVE, 0.9f, 0), rig, 60f, 1f);

        // then
        assertThat(first || second).isFalse();
        assertNear(rig.position(), 0, 0, 10);
    }

    @Test
    void shouldZoomOutWhenTheWheelScrollsDownAndApplyGestures() {
        // given
        InputGestures gestures = new InputGestures();
        OrbitRig rig = frontView();

        // when
        gestures.apply(new InputEvent(0L, new WheelInput(0.5f, 0.5f, 0f, 100f, 0f, 0)), rig, 60f, 1f);
        float afterWheel = rig.distance();
        gestures.apply(new InputEvent(1L, new CameraZoom(0.5f)), rig, 60f, 1f);
        gestures.apply(new InputEvent(2L, new CameraOrbit(10f, -5f)), rig, 60f, 1f);

        // then
        assertThat(afterWheel).isGreaterThan(10f);
        assertThat(rig.distance()).isCloseTo(afterWheel / 2, org.assertj.core.data.Offset.offset(1e-4f));
        assertThat(rig.yawDegrees()).isEqualTo(10f);
        assertThat(rig.pitchDegrees()).isEqualTo(-5f);
    }

    private static InputEvent pointer(PointerAction action, float x, int buttons) {
        return new InputEvent(0L, new PointerInput(action, 1, PointerType.MOUSE, x, 0.5f, -1, buttons, 0));
    }
}
