package io.scenelog.renderer.vulkan.internal;

import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.vulkan.VK10.VK_STRUCTURE_TYPE_DESCRIPTOR_SET_LAYOUT_CREATE_INFO;
import static org.lwjgl.vulkan.VK10.vkCreateDescriptorSetLayout;
import static org.lwjgl.vulkan.VK10.vkDestroyDescriptorSetLayout;

import java.nio.LongBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.vulkan.VkDescriptorSetLayoutBinding;
import org.lwjgl.vulkan.VkDescriptorSetLayoutCreateInfo;

/** A descriptor set layout with one binding (0): the renderer's sets each hold one thing. */
public final class DescriptorSetLayout implements AutoCloseable {

    private final GpuDevice device;
    private final long layout;
    private final int type;

    public DescriptorSetLayout(GpuDevice device, int type, int stages) {
        this.device = device;
        this.type = type;
        try (MemoryStack stack = stackPush()) {
            VkDescriptorSetLayoutBinding.Buffer bindings = VkDescriptorSetLayoutBinding.calloc(1, stack);
            bindings.get(0).binding(0).descriptorType(type).descriptorCount(1).stageFlags(stages);
            VkDescriptorSetLayoutCreateInfo info = VkDescriptorSetLayoutCreateInfo.calloc(stack)
                    .sType(VK_STRUCTURE_TYPE_DESCRIPTOR_SET_LAYOUT_CREATE_INFO).pBindings(bindings);
            LongBuffer handle = stack.mallocLong(1);
            Vk.check(vkCreateDescriptorSetLayout(device.handle(), info, null, handle), "vkCreateDescriptorSetLayout");
            this.layout = handle.get(0);
        }
    }

    public long handle() {
        return layout;
    }

    /** The descriptor type of its binding. */
    public int type() {
        return type;
    }

    @Override
    public void close() {
        vkDestroyDescriptorSetLayout(device.handle(), layout, null);
    }
}
