package io.scenelog.renderer.vulkan.internal;

import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.vulkan.VK10.VK_STRUCTURE_TYPE_FRAMEBUFFER_CREATE_INFO;
import static org.lwjgl.vulkan.VK10.vkCreateFramebuffer;
import static org.lwjgl.vulkan.VK10.vkDestroyFramebuffer;

import java.nio.LongBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.vulkan.VkFramebufferCreateInfo;

/** The colour and depth views bound to the render pass at one size. */
public final class Framebuffer implements AutoCloseable {

    private final GpuDevice device;
    private final long framebuffer;

    public Framebuffer(GpuDevice device, RenderPass renderPass, GpuImage color, GpuImage depth) {
        this.device = device;
        try (MemoryStack stack = stackPush()) {
            VkFramebufferCreateInfo info = VkFramebufferCreateInfo.calloc(stack)
                    .sType(VK_STRUCTURE_TYPE_FRAMEBUFFER_CREATE_INFO).renderPass(renderPass.handle())
                    .pAttachments(stack.longs(color.view(), depth.view())).width(color.width())
                    .height(color.height()).layers(1);
            LongBuffer handle = stack.mallocLong(1);
            Vk.check(vkCreateFramebuffer(device.handle(), info, null, handle), "vkCreateFramebuffer");
            this.framebuffer = handle.get(0);
        }
    }

    public long handle() {
        return framebuffer;
    }

    @Override
    public void close() {
        vkDestroyFramebuffer(device.handle(), framebuffer, null);
    }
}
