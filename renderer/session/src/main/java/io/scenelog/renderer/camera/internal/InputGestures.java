package io.scenelog.renderer.camera.internal;

import io.scenelog.livelink.CameraOrbit;
import io.scenelog.livelink.CameraPan;
import io.scenelog.livelink.CameraZoom;
import io.scenelog.livelink.InputEvent;
import io.scenelog.livelink.KeyAction;
import io.scenelog.livelink.KeyInput;
import io.scenelog.livelink.PointerAction;
import io.scenelog.livelink.PointerInput;
import io.scenelog.livelink.WheelInput;

/**
 * One client's input turned into camera moves: gestures the client recognised (orbit, pan, zoom) apply as given;
 * raw pointer drags orbit with the main button and pan with the secondary or auxiliary one, the wheel zooms, and
 * WASD or the arrow keys walk. Remembers the pointer between events, so it belongs to one client.
 */
public final class InputGestures {

    /** Degrees turned by a drag across the whole width (or height) of the video. */
    public static final float DEGREES_PER_VIEW = 180f;
    /** The zoom per CSS pixel of wheel: 100 px (one notch in most browsers) is about 16 %. */
    public static final float ZOOM_PER_WHEEL_PIXEL = 0.0015f;
    /** How far one key press (or repeat) walks, as a fraction of the distance to the target. */
    public static final float WALK_STEP = 0.1f;

    private static final int MAIN_BUTTON = 1;
    private static final int PAN_BUTTONS = 2 | 4;

    private Float lastX;
    private Float lastY;

    /**
     * Applies one event to the rig.
     *
     * @return whether the camera moved
     * @throws IllegalArgumentException when the event carries numbers that are not finite, or a zoom factor of 0 or
     *                                  less (the rig is unchanged)
     */
    public boolean apply(InputEvent input, OrbitRig rig, float fovYDegrees, float aspect) {
        Object event = input.getEvent();
        if (event instanceof CameraOrbit orbit) {
            requireFinite(orbit.getYawDegrees(), orbit.getPitchDegrees());
            rig.orbit(orbit.getYawDegrees(), orbit.getPitchDegrees());
            return true;
        } else if (event instanceof CameraPan pan) {
            requireFinite(pan.getDx(), pan.getDy());
            rig.pan(pan.getDx(), pan.getDy(), fovYDegrees, aspect);
            return true;
        } else if (event instanceof CameraZoom zoom) {
            rig.zoom(zoom.getFactor());
            return true;
        } else if (event instanceof PointerInput pointer) {
            return pointer(pointer, rig, fovYDegrees, aspect);
        } else if (event instanceof WheelInput wheel) {
            requireFinite(wheel.getDeltaY(), 0f);
            // Clamped so that one huge scroll (a page mode converted to pixels) cannot throw the camera away.
            float pixels = Math.max(-1000f, Math.min(1000f, wheel.getDeltaY()));
            float factor = (float) Math.exp(pixels * ZOOM_PER_WHEEL_PIXEL);
            rig.zoom(factor);
            return true;
        } else if (event instanceof KeyInput key) {
            return key(key, rig);
        }
        return false;
    }

    private boolean pointer(PointerInput pointer, OrbitRig rig, float fovYDegrees, float aspect) {
        requireFinite(pointer.getX(), pointer.getY());
        PointerAction action = pointer.getAction();
        if (action == PointerAction.UP || action == PointerAction.CANCEL || pointer.getButtons() == 0) {
            lastX = null;
            lastY = null;
            return false;
        }
        boolean moved = false;
        if (action == PointerAction.MOVE && lastX != null) {
            float dx = pointer.getX() - lastX;
            float dy = pointer.getY() - lastY;
            if ((pointer.getButtons() & MAIN_BUTTON) != 0) {
                // The scene follows the pointer: dragging right turns the camera left around the target.
                rig.orbit(-dx * DEGREES_PER_VIEW, dy * DEGREES_PER_VIEW);
                moved = true;
            } else if ((pointer.getButtons() & PAN_BUTTONS) != 0) {
                rig.pan(dx, dy, fovYDegrees, aspect);
                moved = true;
            }
        }
        lastX = pointer.getX();
        lastY = pointer.getY();
        return moved;
    }

    private static boolean key(KeyInput key, OrbitRig rig) {
        if (key.getAction() != KeyAction.DOWN) {
            return false;
        }
        float step = Math.max(0.05f, rig.distance() * WALK_STEP);
        switch (key.getCode()) {
            case "KeyW", "ArrowUp" -> rig.walk(step, 0f);
            case "KeyS", "ArrowDown" -> rig.walk(-step, 0f);
            case "KeyA", "ArrowLeft" -> rig.walk(0f, -step);
            case "KeyD", "ArrowRight" -> rig.walk(0f, step);
            default -> {
                return false;
            }
        }
        return true;
    }

    private static void requireFinite(float a, float b) {
        if (!Float.isFinite(a) || !Float.isFinite(b)) {
            throw new IllegalArgumentException("Camera input needs finite numbers, got " + a + ", " + b);
        }
    }
}
