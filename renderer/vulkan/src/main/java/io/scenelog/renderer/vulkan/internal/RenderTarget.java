package io.scenelog.renderer.vulkan.internal;

import static org.lwjgl.vulkan.VK10.VK_BUFFER_USAGE_TRANSFER_DST_BIT;
import static org.lwjgl.vulkan.VK10.VK_IMAGE_ASPECT_COLOR_BIT;
import static org.lwjgl.vulkan.VK10.VK_IMAGE_ASPECT_DEPTH_BIT;
import static org.lwjgl.vulkan.VK10.VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT;
import static org.lwjgl.vulkan.VK10.VK_IMAGE_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT;
import static org.lwjgl.vulkan.VK10.VK_IMAGE_USAGE_TRANSFER_SRC_BIT;
import static org.lwjgl.vulkan.VK10.VK_MEMORY_PROPERTY_HOST_CACHED_BIT;

import java.nio.ByteBuffer;

/**
 * What one frame size needs: the colour and depth images, their framebuffer, and the host buffer the colour is
 * copied into (host-cached where the device offers it, because the CPU reads every byte of it).
 */
public final class RenderTarget implements AutoCloseable {

    private final GpuImage color;
    private final GpuImage depth;
    private final Framebuffer framebuffer;
    private final GpuBuffer readback;

    public RenderTarget(GpuDevice device, RenderPass pass, int width, int height) {
        this.color = GpuImage.create(device, width, height, RenderPass.COLOR_FORMAT,
                VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | VK_IMAGE_USAGE_TRANSFER_SRC_BIT, VK_IMAGE_ASPECT_COLOR_BIT);
        this.depth = GpuImage.create(device, width, height, device.depthFormat(),
                VK_IMAGE_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT, VK_IMAGE_ASPECT_DEPTH_BIT);
        this.framebuffer = new Framebuffer(device, pass, color, depth);
        this.readback = GpuBuffer.hostVisible(device, 4L * width * height, VK_BUFFER_USAGE_TRANSFER_DST_BIT,
                VK_MEMORY_PROPERTY_HOST_CACHED_BIT);
    }

    /** Whether it has this size. */
    public boolean fits(int width, int height) {
        return color.width() == width && color.height() == height;
    }

    public int width() {
        return color.width();
    }

    public int height() {
        return color.height();
    }

    public GpuImage color() {
        return color;
    }

    public Framebuffer framebuffer() {
        return framebuffer;
    }

    public GpuBuffer readbackBuffer() {
        return readback;
    }

    /** The read-back pixels (valid after the frame's fence): tightly packed RGBA rows, top to bottom. */
    public ByteBuffer pixels() {
        readback.invalidate();
        return readback.mapped();
    }

    @Override
    public void close() {
        readback.close();
        framebuffer.close();
        depth.close();
        color.close();
    }
}
