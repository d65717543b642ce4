package io.scenelog.renderer.session.internal;

import io.scenelog.livelink.Configure;
import io.scenelog.livelink.Input;
import io.scenelog.livelink.Query;
import io.scenelog.livelink.QueryResult;
import io.scenelog.renderer.link.RenderLinkHandler;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands the bridges' client messages to the render loop and the scene view. */
public final class SessionLinkHandler implements RenderLinkHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SessionLinkHandler.class);

    private final SceneView scene;
    private final Predicate<String> headless;
    private final int defaultFps;
    private final int defaultBitrateKbps;
    private volatile RenderLoop loop;

    public SessionLinkHandler(SceneView scene, Predicate<String> headless, int defaultFps, int defaultBitrateKbps) {
        this.scene = scene;
        this.headless = headless;
        this.defaultFps = defaultFps;
        this.defaultBitrateKbps = defaultBitrateKbps;
    }

    /** Connects the render loop, which needs the link server and so starts after it. */
    public void attach(RenderLoop renderLoop) {
        this.loop = renderLoop;
    }

    @Override
    public long sceneVersion() {
        return scene.version();
    }

    @Override
    public void configure(String clientId, Configure configure) {
        if (configure.getVideo() != null && headless.test(clientId)) {
            LOG.warn("Headless client {} asked for video; headless clients get none, so it is ignored.", clientId);
            return;
        }
        loop.configure(clientId, configure.getVideo(), defaultFps, defaultBitrateKbps);
    }

    @Override
    public void input(String clientId, Input input) {
        scene.input(clientId, input);
    }

    @Override
    public CompletionStage<QueryResult> query(String clientId, Query query) {
        return loop.query(clientId, query);
    }

    @Override
    public void requestKeyFrame(String clientId) {
        loop.requestKeyFrame(clientId);
    }

    @Override
    public void released(String clientId) {
        loop.release(clientId);
    }
}
