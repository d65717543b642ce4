package io.scenelog.renderer.camera;

/** Where a {@link CameraController} sends the camera moves to commit; must not block the caller. */
@FunctionalInterface
public interface CameraSink {

    /** Takes a move to commit (a sink may coalesce: the latest pose of a client wins). */
    void publish(CameraMove move);
}
