package io.scenelog.renderer.vulkan.internal;

import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.vulkan.VK10.VK_COMMAND_BUFFER_LEVEL_PRIMARY;
import static org.lwjgl.vulkan.VK10.VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT;
import static org.lwjgl.vulkan.VK10.VK_COMMAND_POOL_CREATE_RESET_COMMAND_BUFFER_BIT;
import static org.lwjgl.vulkan.VK10.VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO;
import static org.lwjgl.vulkan.VK10.VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO;
import static org.lwjgl.vulkan.VK10.VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO;
import static org.lwjgl.vulkan.VK10.VK_STRUCTURE_TYPE_SUBMIT_INFO;
import static org.lwjgl.vulkan.VK10.vkAllocateCommandBuffers;
import static org.lwjgl.vulkan.VK10.vkBeginCommandBuffer;
import static org.lwjgl.vulkan.VK10.vkCreateCommandPool;
import static org.lwjgl.vulkan.VK10.vkDestroyCommandPool;
import static org.lwjgl.vulkan.VK10.vkEndCommandBuffer;
import static org.lwjgl.vulkan.VK10.vkQueueSubmit;
import static org.lwjgl.vulkan.VK10.vkResetCommandBuffer;

import java.nio.LongBuffer;
import java.util.function.Consumer;
import org.lwjgl.PointerBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.vulkan.VkCommandBuffer;
import org.lwjgl.vulkan.VkCommandBufferAllocateInfo;
import org.lwjgl.vulkan.VkCommandBufferBeginInfo;
import org.lwjgl.vulkan.VkCommandPoolCreateInfo;
import org.lwjgl.vulkan.VkSubmitInfo;

/**
 * A command pool of the graphics queue whose buffers are reset and re-recorded, with one reusable buffer per
 * purpose, and a submit that waits on a fence.
 */
public final class CommandPool implements AutoCloseable {

    private final GpuDevice device;
    private final long pool;

    public CommandPool(GpuDevice device) {
        this.device = device;
        try (MemoryStack stack = stackPush()) {
            VkCommandPoolCreateInfo info = VkCommandPoolCreateInfo.calloc(stack)
                    .sType(VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO)
                    .flags(VK_COMMAND_POOL_CREATE_RESET_COMMAND_BUFFER_BIT).queueFamilyIndex(device.queueFamily());
            LongBuffer handle = stack.mallocLong(1);
            Vk.check(vkCreateCommandPool(device.handle(), info, null, handle), "vkCreateCommandPool");
            this.pool = handle.get(0);
        }
    }

    /** A primary command buffer, freed with the pool. */
    public VkCommandBuffer allocate() {
        try (MemoryStack stack = stackPush()) {
            VkCommandBufferAllocateInfo info = VkCommandBufferAllocateInfo.calloc(stack)
                    .sType(VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO).commandPool(pool)
                    .level(VK_COMMAND_BUFFER_LEVEL_PRIMARY).commandBufferCount(1);
            PointerBuffer handle = stack.mallocPointer(1);
            Vk.check(vkAllocateCommandBuffers(device.handle(), info, handle), "vkAllocateCommandBuffers");
            return new VkCommandBuffer(handle.get(0), device.handle());
        }
    }

    /** Resets the buffer, records into it, submits it and waits for the fence. */
    public void recordSubmitAndWait(VkCommandBuffer buffer, Fence fence, Consumer<VkCommandBuffer> recording) {
        try (MemoryStack stack = stackPush()) {
            Vk.check(vkResetCommandBuffer(buffer, 0), "vkResetCommandBuffer");
            Vk.check(vkBeginCommandBuffer(buffer, VkCommandBufferBeginInfo.calloc(stack)
                    .sType(VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO)
                    .flags(VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT)), "vkBeginCommandBuffer");
            recording.accept(buffer);
            Vk.check(vkEndCommandBuffer(buffer), "vkEndCommandBuffer");
            VkSubmitInfo submit = VkSubmitInfo.calloc(stack).sType(VK_STRUCTURE_TYPE_SUBMIT_INFO)
                    .pCommandBuffers(stack.pointers(buffer));
            Vk.check(vkQueueSubmit(device.queue(), submit, fence.handle()), "vkQueueSubmit");
            fence.awaitAndReset();
        }
    }

    @Override
    public void close() {
        vkDestroyCommandPool(device.handle(), pool, null);
    }
}
