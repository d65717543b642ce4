package io.scenelog.renderer.vulkan.internal;

import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.vulkan.VK10.VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL;
import static org.lwjgl.vulkan.VK10.VK_STRUCTURE_TYPE_DESCRIPTOR_POOL_CREATE_INFO;
import static org.lwjgl.vulkan.VK10.VK_STRUCTURE_TYPE_DESCRIPTOR_SET_ALLOCATE_INFO;
import static org.lwjgl.vulkan.VK10.VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET;
import static org.lwjgl.vulkan.VK10.vkAllocateDescriptorSets;
import static org.lwjgl.vulkan.VK10.vkCreateDescriptorPool;
import static org.lwjgl.vulkan.VK10.vkDestroyDescriptorPool;
import static org.lwjgl.vulkan.VK10.vkUpdateDescriptorSets;

import java.nio.LongBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.vulkan.VkDescriptorBufferInfo;
import org.lwjgl.vulkan.VkDescriptorImageInfo;
import org.lwjgl.vulkan.VkDescriptorPoolCreateInfo;
import org.lwjgl.vulkan.VkDescriptorPoolSize;
import org.lwjgl.vulkan.VkDescriptorSetAllocateInfo;
import org.lwjgl.vulkan.VkWriteDescriptorSet;

/**
 * One descriptor set in a pool of its own. A pool per set costs a little memory and spares the renderer any pool
 * bookkeeping: freeing a texture frees its pool.
 */
public final class DescriptorSet implements AutoCloseable {

    private final GpuDevice device;
    private final long pool;
    private final long set;
    private final int layoutType;

    public DescriptorSet(GpuDevice device, DescriptorSetLayout layout) {
        this.device = device;
        try (MemoryStack stack = stackPush()) {
            VkDescriptorPoolSize.Buffer sizes = VkDescriptorPoolSize.calloc(1, stack);
            sizes.get(0).type(layout.type()).descriptorCount(1);
            VkDescriptorPoolCreateInfo info = VkDescriptorPoolCreateInfo.calloc(stack)
                    .sType(VK_STRUCTURE_TYPE_DESCRIPTOR_POOL_CREATE_INFO).maxSets(1).pPoolSizes(sizes);
            LongBuffer handle = stack.mallocLong(1);
            Vk.check(vkCreateDescriptorPool(device.handle(), info, null, handle), "vkCreateDescriptorPool");
            this.pool = handle.get(0);
            VkDescriptorSetAllocateInfo allocate = VkDescriptorSetAllocateInfo.calloc(stack)
                    .sType(VK_STRUCTURE_TYPE_DESCRIPTOR_SET_ALLOCATE_INFO).descriptorPool(pool)
                    .pSetLayouts(stack.longs(layout.handle()));
            int result = vkAllocateDescriptorSets(device.handle(), allocate, handle);
            if (result < 0) {
                vkDestroyDescriptorPool(device.handle(), pool, null);
                Vk.check(result, "vkAllocateDescriptorSets");
            }
            this.set = handle.get(0);
            this.layoutType = layout.type();
        }
    }

    /** Points binding 0 at a range of a uniform buffer. */
    public DescriptorSet writeBuffer(GpuBuffer buffer, long range) {
        try (MemoryStack stack = stackPush()) {
            VkDescriptorBufferInfo.Buffer info = VkDescriptorBufferInfo.calloc(1, stack);
            info.get(0).buffer(buffer.handle()).offset(0).range(range);
            VkWriteDescriptorSet.Buffer write = VkWriteDescriptorSet.calloc(1, stack);
            write.get(0).sType(VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET).dstSet(set).dstBinding(0)
                    .descriptorType(layoutType).descriptorCount(1).pBufferInfo(info);
            vkUpdateDescriptorSets(device.handle(), write, null);
        }
        return this;
    }

    /** Points binding 0 at a sampled image. */
    public DescriptorSet writeImage(GpuImage image, Sampler sampler) {
        try (MemoryStack stack = stackPush()) {
            VkDescriptorImageInfo.Buffer info = VkDescriptorImageInfo.calloc(1, stack);
            info.get(0).sampler(sampler.handle()).imageView(image.view())
                    .imageLayout(VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL);
            VkWriteDescriptorSet.Buffer write = VkWriteDescriptorSet.calloc(1, stack);
            write.get(0).sType(VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET).dstSet(set).dstBinding(0)
                    .descriptorType(layoutType).descriptorCount(1).pImageInfo(info);
            vkUpdateDescriptorSets(device.handle(), write, null);
        }
        return this;
    }

    public long handle() {
        return set;
    }

    @Override
    public void close() {
        vkDestroyDescriptorPool(device.handle(), pool, null);
    }
}
