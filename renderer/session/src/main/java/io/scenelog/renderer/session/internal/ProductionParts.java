package io.scenelog.renderer.session.internal;

import io.scenelog.livelink.PickHit;
import io.scenelog.renderer.draw.DrawScene;
import io.scenelog.renderer.draw.FrameRenderer;
import io.scenelog.renderer.draw.ViewCamera;
import io.scenelog.model.Vec3;
import io.scenelog.renderer.models.pick.Picker;
import io.scenelog.renderer.video.VideoEncoders;
import io.scenelog.renderer.vulkan.VulkanFrameRenderer;
import io.scenelog.renderer.vulkan.VulkanOptions;
import java.util.Optional;

/** The production collaborators of the render loop: the Vulkan renderer, FFmpeg encoders, the model picker. */
public final class ProductionParts {

    private ProductionParts() {
    }

    /** The parts a renderer process runs with. */
    public static RenderParts create() {
        return new RenderParts(ProductionParts::openFrameRenderer, VideoEncoders::open, new ModelPicking());
    }

    /** The one place that opens the GPU renderer: a discrete GPU when present, else lavapipe. */
    static FrameRenderer openFrameRenderer() {
        return VulkanFrameRenderer.open(VulkanOptions.fromEnvironment(System.getenv()));
    }

    /** Picks with renderer/models' picker: nearest bounding geometry under the point. */
    private static final class ModelPicking implements Picking {

        private final Picker picker = new Picker();

        @Override
        public boolean available() {
            return true;
        }

        @Override
        public Optional<PickHit> pick(DrawScene scene, ViewCamera camera, float x, float y, float aspect) {
            return picker.pick(scene, camera, aspect, x, y).map(hit -> new PickHit(hit.entityId(),
                    new Vec3((double) hit.worldPoint().x(), (double) hit.worldPoint().y(),
                            (double) hit.worldPoint().z()), (double) hit.distance()));
        }
    }
}
