package io.scenelog.renderer.vulkan;

import io.scenelog.renderer.draw.DrawScene;
import io.scenelog.renderer.draw.FrameRenderer;
import io.scenelog.renderer.draw.RenderedFrame;
import io.scenelog.renderer.draw.Viewport;
import io.scenelog.renderer.vulkan.internal.DeviceSelection;
import io.scenelog.renderer.vulkan.internal.OffscreenRenderer;
import io.scenelog.renderer.vulkan.internal.PhysicalDevices;
import io.scenelog.renderer.vulkan.internal.VulkanInstance;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link FrameRenderer} on Vulkan: offscreen, one fence-synchronised submission per frame, frames read back as
 * sRGB RGBA. Draws opaque meshes with metallic-roughness shading, base-colour textures, up to eight lights (a
 * default sun when the scene has none), the ground grid and the sky. Used by one thread.
 */
public final class VulkanFrameRenderer implements FrameRenderer {

    private static final Logger LOG = LoggerFactory.getLogger(VulkanFrameRenderer.class);

    private final VulkanInstance instance;
    private final OffscreenRenderer renderer;

    private VulkanFrameRenderer(VulkanInstance instance, OffscreenRenderer renderer) {
        this.instance = instance;
        this.renderer = renderer;
    }

    /**
     * Opens the renderer on the device the options choose.
     *
     * @throws VulkanUnavailableException when there is no loader, no driver or no device that can draw
     * @throws IllegalArgumentException   when the options name a device that does not exist
     */
    public static VulkanFrameRenderer open(VulkanOptions options) {
        VulkanInstance instance = VulkanInstance.create(options.validation());
        try {
            VulkanDeviceInfo chosen = DeviceSelection.choose(PhysicalDevices.describe(instance.physicalDevices()),
                    options.deviceIndex());
            OffscreenRenderer renderer = new OffscreenRenderer(options, instance, chosen);
            LOG.info("Vulkan renderer opened on {} (Vulkan {}), validation {}.", chosen.description(),
                    chosen.apiVersion(), instance.validation() ? "on" : "off");
            return new VulkanFrameRenderer(instance, renderer);
        } catch (RuntimeException e) {
            instance.close();
            throw e;
        }
    }

    @Override
    public RenderedFrame render(DrawScene scene, int width, int height, List<Viewport> viewports) {
        return renderer.render(scene, width, height, viewports);
    }

    @Override
    public String deviceDescription() {
        return renderer.device().description();
    }

    /** The device it draws with. */
    public VulkanDeviceInfo device() {
        return renderer.device();
    }

    /** Bytes of meshes and textures uploaded to the device now. */
    public long cachedBytes() {
        return renderer.cachedBytes();
    }

    @Override
    public void close() {
        try {
            renderer.close();
        } finally {
            instance.close();
        }
    }
}
