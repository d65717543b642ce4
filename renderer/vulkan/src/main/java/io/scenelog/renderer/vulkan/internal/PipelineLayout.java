package io.scenelog.renderer.vulkan.internal;

import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.vulkan.VK10.VK_STRUCTURE_TYPE_PIPELINE_LAYOUT_CREATE_INFO;
import static org.lwjgl.vulkan.VK10.vkCreatePipelineLayout;
import static org.lwjgl.vulkan.VK10.vkDestroyPipelineLayout;

import java.nio.LongBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.vulkan.VkPipelineLayoutCreateInfo;
import org.lwjgl.vulkan.VkPushConstantRange;

/** The descriptor set layouts and the push-constant range that the renderer's pipelines share. */
public final class PipelineLayout implements AutoCloseable {

    private final GpuDevice device;
    private final long layout;

    public PipelineLayout(GpuDevice device, long[] setLayouts, int pushConstantStages, int pushConstantBytes) {
        this.device = device;
        try (MemoryStack stack = stackPush()) {
            VkPushConstantRange.Buffer range = VkPushConstantRange.calloc(1, stack);
            range.get(0).stageFlags(pushConstantStages).offset(0).size(pushConstantBytes);
            VkPipelineLayoutCreateInfo info = VkPipelineLayoutCreateInfo.calloc(stack)
                    .sType(VK_STRUCTURE_TYPE_PIPELINE_LAYOUT_CREATE_INFO).pSetLayouts(stack.longs(setLayouts))
                    .pPushConstantRanges(range);
            LongBuffer handle = stack.mallocLong(1);
            Vk.check(vkCreatePipelineLayout(device.handle(), info, null, handle), "vkCreatePipelineLayout");
            this.layout = handle.get(0);
        }
    }

    public long handle() {
        return layout;
    }

    @Override
    public void close() {
        vkDestroyPipelineLayout(device.handle(), layout, null);
    }
}
