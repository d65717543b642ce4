package io.scenelog.renderer.models.pick;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.scenelog.model.PrimitiveShape;
import io.scenelog.renderer.draw.DrawItem;
import io.scenelog.renderer.draw.DrawScene;
import io.scenelog.renderer.draw.MaterialData;
import io.scenelog.renderer.draw.ViewCamera;
import io.scenelog.renderer.draw.Viewport;
import io.scenelog.renderer.models.PrimitiveMeshes;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.joml.Matrix4f;
import org.joml.Vector3f;
import org.junit.jupiter.api.Test;

class PickerTest {

    /** At z = 5 looking down -z with a 90 degree field of view: (x, y, z) appears at 0.5 ± 0.5 × x/(5 - z). */
    private static final ViewCamera CAMERA = ViewCamera.lookingAt(new Vector3f(0, 0, 5), new Vector3f(0, 0, 0), 90f,
            0.1f, 100f);

    private final Picker picker = new Picker();
    private final UUID near = UUID.randomUUID();
    private final UUID far = UUID.randomUUID();

    private static DrawItem item(UUID entity, PrimitiveShape shape, Matrix4f world) {
        return new DrawItem(entity, PrimitiveMeshes.of(shape), MaterialData.DEFAULT, world);
    }

    private static DrawScene scene(DrawItem... items) {
        return new DrawScene(List.of(items), List.of(), DrawScene.DEFAULT_SKY, true, 1L);
    }

    @Test
    void shouldHitCubeInTheCentre() {
        Optional<PickHit> hit = picker.pick(scene(item(near, PrimitiveShape.CUBE, new Matrix4f())), CAMERA, 1f,
                0.5f, 0.5f);

        assertThat(hit).isPresent();
        assertThat(hit.get().entityId()).isEqualTo(near);
        assertThat(hit.get().worldPoint().distance(0, 0, 0.5f)).isLessThan(1e-4f);
        assertThat(hit.get().distance()).isCloseTo(4.5f, within(1e-4f));
    }

    @Test
    void shouldReturnTheNearestWhateverTheOrder() {
        DrawItem front = item(near, PrimitiveShape.CUBE, new Matrix4f());
        DrawItem back = item(far, PrimitiveShape.SPHERE, new Matrix4f().translation(0, 0, -3));

        assertThat(picker.pick(scene(front, back), CAMERA, 1f, 0.5f, 0.5f)).map(PickHit::entityId).contains(near);
        assertThat(picker.pick(scene(back, front), CAMERA, 1f, 0.5f, 0.5f)).map(PickHit::entityId).contains(near);
    }

    @Test
    void shouldMissWhereNothingIs() {
        DrawScene scene = scene(item(near, PrimitiveShape.CUBE, new Matrix4f()));

        assertThat(picker.pick(scene, CAMERA, 1f, 0.05f, 0.05f)).isEmpty();
        assertThat(picker.pick(scene(), CAMERA, 1f, 0.5f, 0.5f)).isEmpty();
    }

    @Test
    void shouldMeasureFromTopLeft() {
        // given a cube up and to the right, its front face centred at (2, 2, 0.5)
        DrawScene scene = scene(item(near, PrimitiveShape.CUBE, new Matrix4f().translation(2, 2, 0)));
        float x = 0.5f + 0.5f * 2f / 4.5f;
        float y = 0.5f - 0.5f * 2f / 4.5f;

        // when
        Optional<PickHit> hit = picker.pick(scene, CAMERA, 1f, x, y);

        // then
        assertThat(hit).map(PickHit::entityId).contains(near);
        assertThat(hit.get().worldPoint().distance(2, 2, 0.5f)).isLessThan(1e-3f);
        assertThat(picker.pick(scene, CAMERA, 1f, x, 1f - y)).isEmpty();
    }

    @Test
    void shouldFollowRotationAndScaleOfTheItem() {
        // given the unit plane turned to face +z and scaled to 4 x 4: it reaches x = 1.5 only because of the scale
        Matrix4f facingCamera = new Matrix4f().rotationX((float) Math.toRadians(90)).scale(4f);
        Matrix4f facingAway = new Matrix4f().rotationX((float) Math.toRadians(-90)).scale(4f);
        float x = 0.5f + 0.5f * 1.5f / 5f;

        // when
        Optional<PickHit> front = picker.pick(scene(item(near, PrimitiveShape.PLANE, facingCamera)), CAMERA, 1f, x,
                0.5f);
        Optional<PickHit> back = picker.pick(scene(item(far, PrimitiveShape.PLANE, facingAway)), CAMERA, 1f, x,
                0.5f);
        Optional<PickHit> unscaled = picker.pick(scene(item(near, PrimitiveShape.PLANE,
                new Matrix4f().rotationX((float) Math.toRadians(90)))), CAMERA, 1f, x, 0.5f);

        // then both faces count, and the distance is in world units
        assertThat(front).map(PickHit::entityId).contains(near);
        assertThat(front.get().worldPoint().distance(1.5f, 0, 0)).isLessThan(1e-3f);
        assertThat(front.get().distance()).isCloseTo((float) Math.sqrt(25 + 2.25), within(1e-3f));
        assertThat(back).map(PickHit::entityId).contains(far);
        assertThat(unscaled).isEmpty();
    }

    @Test
    void shouldIgnoreItemsScaledToNothing() {
        DrawScene scene = scene(item(near, PrimitiveShape.CUBE, new Matrix4f().scaling(0f)));

        assertThat(picker.pick(scene, CAMERA, 1f, 0.5f, 0.5f)).isEmpty();
    }

    @Test
    void shouldFindViewportUnderFramePoint() {
        Viewport left = new Viewport(0f, 0f, 0.5f, 1f, CAMERA);
        Viewport right = new Viewport(0.5f, 0f, 0.5f, 1f, CAMERA);

        Optional<ViewportPoint> point = Picker.viewportAt(List.of(left, right), 0.75f, 0.25f);

        assertThat(point).isPresent();
        assertThat(point.get().index()).isEqualTo(1);
        assertThat(point.get().x()).isCloseTo(0.5f, within(1e-6f));
        assertThat(point.get().y()).isCloseTo(0.25f, within(1e-6f));
        assertThat(Picker.viewportAt(List.of(new Viewport(0f, 0f, 0.5f, 0.5f, CAMERA)), 0.75f, 0.75f)).isEmpty();
    }

    @Test
    void shouldPickThroughTheViewportOfAFrame() {
        // given a 200 x 100 frame split into two square viewports; only the right one looks at the cube
        ViewCamera away = ViewCamera.lookingAt(new Vector3f(0, 0, 5), new Vector3f(0, 0, 10), 90f, 0.1f, 100f);
        List<Viewport> viewports = List.of(new Viewport(0f, 0f, 0.5f, 1f, away),
                new Viewport(0.5f, 0f, 0.5f, 1f, CAMERA));
        DrawScene scene = scene(item(near, PrimitiveShape.CUBE, new Matrix4f()));

        // then
        assertThat(picker.pickInFrame(scene, viewports, 200, 100, 0.75f, 0.5f)).map(PickHit::entityId)
                .contains(near);
        assertThat(picker.pickInFrame(scene, viewports, 200, 100, 0.25f, 0.5f)).isEmpty();
    }

    @Test
    void shouldRefusePointOutsideTheViewport() {
        assertThatThrownBy(() -> picker.pick(scene(), CAMERA, 1f, 1.5f, 0.5f))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the point must lie in the viewport");
    }
}
