package io.scenelog.renderer.session.internal;

import io.scenelog.livelink.Input;
import io.scenelog.renderer.draw.DrawScene;
import io.scenelog.renderer.draw.ViewCamera;

/**
 * The session's scene as the render loop needs it: what to draw and through which client's camera. Behind it the
 * scene replica (bootstrap + follow) and the cameras; the render loop calls it on the render thread only, input
 * arrives on the link's threads.
 */
public interface SceneView extends AutoCloseable {

    /** The scene version it shows now. */
    long version();

    /** Calls {@code wake} whenever {@link #version()} may have changed; from another thread, so it must be quick. */
    void onChange(Runnable wake);

    /** What a frame draws now. */
    DrawScene drawScene();

    /** The camera a client looks through (a default view until its camera entity exists). */
    ViewCamera camera(String clientId);

    /** A client's input, moving its camera. */
    void input(String clientId, Input input);

    /** The size of the picture a client sees (its stream's), so that its pans move as far as its pointer. */
    void viewport(String clientId, int width, int height);

    /** Forgets a client whose stream stopped because its bridge went away (its camera state goes). */
    void forget(String clientId);

    /** Stops following the scene. */
    @Override
    void close();
}
