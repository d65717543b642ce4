package io.scenelog.renderer.vulkan.internal;

import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.vulkan.VK10.VK_BORDER_COLOR_INT_OPAQUE_BLACK;
import static org.lwjgl.vulkan.VK10.VK_FILTER_LINEAR;
import static org.lwjgl.vulkan.VK10.VK_LOD_CLAMP_NONE;
import static org.lwjgl.vulkan.VK10.VK_SAMPLER_ADDRESS_MODE_REPEAT;
import static org.lwjgl.vulkan.VK10.VK_SAMPLER_MIPMAP_MODE_LINEAR;
import static org.lwjgl.vulkan.VK10.VK_STRUCTURE_TYPE_SAMPLER_CREATE_INFO;
import static org.lwjgl.vulkan.VK10.vkCreateSampler;
import static org.lwjgl.vulkan.VK10.vkDestroySampler;

import java.nio.LongBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.vulkan.VkSamplerCreateInfo;

/** The one texture sampler: trilinear filtering over all mip levels, repeating (glTF's default wrap). */
public final class Sampler implements AutoCloseable {

    private final GpuDevice device;
    private final long sampler;

    public Sampler(GpuDevice device) {
        this.device = device;
        try (MemoryStack stack = stackPush()) {
            VkSamplerCreateInfo info = VkSamplerCreateInfo.calloc(stack).sType(VK_STRUCTURE_TYPE_SAMPLER_CREATE_INFO)
                    .magFilter(VK_FILTER_LINEAR).minFilter(VK_FILTER_LINEAR).mipmapMode(VK_SAMPLER_MIPMAP_MODE_LINEAR)
                    .addressModeU(VK_SAMPLER_ADDRESS_MODE_REPEAT).addressModeV(VK_SAMPLER_ADDRESS_MODE_REPEAT)
                    .addressModeW(VK_SAMPLER_ADDRESS_MODE_REPEAT).maxAnisotropy(1f).minLod(0f).maxLod(VK_LOD_CLAMP_NONE)
                    .borderColor(VK_BORDER_COLOR_INT_OPAQUE_BLACK);
            LongBuffer handle = stack.mallocLong(1);
            Vk.check(vkCreateSampler(device.handle(), info, null, handle), "vkCreateSampler");
            this.sampler = handle.get(0);
        }
    }

    public long handle() {
        return sampler;
    }

    @Override
    public void close() {
        vkDestroySampler(device.handle(), sampler, null);
    }
}
