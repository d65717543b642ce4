package io.scenelog.renderer.vulkan.internal;

import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.vulkan.VK10.VK_ERROR_OUT_OF_DEVICE_MEMORY;
import static org.lwjgl.vulkan.VK10.VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT;
import static org.lwjgl.vulkan.VK10.VK_SHARING_MODE_EXCLUSIVE;
import static org.lwjgl.vulkan.VK10.VK_STRUCTURE_TYPE_BUFFER_CREATE_INFO;
import static org.lwjgl.vulkan.VK10.VK_STRUCTURE_TYPE_MAPPED_MEMORY_RANGE;
import static org.lwjgl.vulkan.VK10.VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO;
import static org.lwjgl.vulkan.VK10.VK_WHOLE_SIZE;
import static org.lwjgl.vulkan.VK10.vkAllocateMemory;
import static org.lwjgl.vulkan.VK10.vkBindBufferMemory;
import static org.lwjgl.vulkan.VK10.vkCreateBuffer;
import static org.lwjgl.vulkan.VK10.vkDestroyBuffer;
import static org.lwjgl.vulkan.VK10.vkFlushMappedMemoryRanges;
import static org.lwjgl.vulkan.VK10.vkFreeMemory;
import static org.lwjgl.vulkan.VK10.vkGetBufferMemoryRequirements;
import static org.lwjgl.vulkan.VK10.vkInvalidateMappedMemoryRanges;
import static org.lwjgl.vulkan.VK10.vkMapMemory;
import static org.lwjgl.vulkan.VK10.vkUnmapMemory;

import java.nio.ByteBuffer;
import java.nio.LongBuffer;
import org.lwjgl.PointerBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;
import org.lwjgl.vulkan.VkBufferCreateInfo;
import org.lwjgl.vulkan.VkMappedMemoryRange;
import org.lwjgl.vulkan.VkMemoryAllocateInfo;
import org.lwjgl.vulkan.VkMemoryRequirements;

/**
 * A buffer with its own memory. Host-visible buffers stay mapped for their whole life, so writing uniforms or
 * reading a frame back costs no map call.
 */
public final class GpuBuffer implements AutoCloseable {

    private final GpuDevice device;
    private final long buffer;
    private final long memory;
    private final long size;
    private final ByteBuffer mapped;
    private final boolean coherent;

    private GpuBuffer(GpuDevice device, long buffer, long memory, long size, ByteBuffer mapped, boolean coherent) {
        this.device = device;
        this.buffer = buffer;
        this.memory = memory;
        this.size = size;
        this.mapped = mapped;
        this.coherent = coherent;
    }

    /** A host-visible, mapped buffer, preferring memory with the {@code preferred} flags too. */
    public static GpuBuffer hostVisible(GpuDevice device, long size, int usage, int preferred) {
        return create(device, size, usage, VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT, preferred);
    }

    private static GpuBuffer create(GpuDevice device, long size, int usage, int required, int preferred) {
        try (MemoryStack stack = stackPush()) {
            VkBufferCreateInfo info = VkBufferCreateInfo.calloc(stack).sType(VK_STRUCTURE_TYPE_BUFFER_CREATE_INFO)
                    .size(size).usage(usage).sharingMode(VK_SHARING_MODE_EXCLUSIVE);
            LongBuffer handle = stack.mallocLong(1);
            Vk.check(vkCreateBuffer(device.handle(), info, null, handle), "vkCreateBuffer(" + size + " bytes)");
            long buffer = handle.get(0);
            VkMemoryRequirements requirements = VkMemoryRequirements.malloc(stack);
            vkGetBufferMemoryRequirements(device.handle(), buffer, requirements);
            int allowed = requirements.memoryTypeBits();
            int type = device.memoryType(allowed, required, preferred);
            int result = allocate(stack, device, requirements.size(), type, handle);
            int others = allowed & ~(1 << type);
            if (result == VK_ERROR_OUT_OF_DEVICE_MEMORY && device.hasMemoryType(others, required)) {
                // The preferred heap (e.g. a discrete GPU's small host-visible BAR) is full: use plain host memory.
                type = device.memoryType(others, required, 0);
                result = allocate(stack, device, requirements.size(), type, handle);
            }
            if (result < 0) {
                vkDestroyBuffer(device.handle(), buffer, null);
                Vk.check(result, "vkAllocateMemory(" + requirements.size() + " bytes for a buffer)");
            }
            long memory = handle.get(0);
            Vk.check(vkBindBufferMemory(device.handle(), buffer, memory, 0), "vkBindBufferMemory");
            PointerBuffer pointer = stack.mallocPointer(1);
            Vk.check(vkMapMemory(device.handle(), memory, 0, VK_WHOLE_SIZE, 0, pointer), "vkMapMemory");
            ByteBuffer mapped = MemoryUtil.memByteBuffer(pointer.get(0), Math.toIntExact(size));
            return new GpuBuffer(device, buffer, memory, size, mapped,
                    device.isHostCoherent(type));
        }
    }

    private static int allocate(MemoryStack stack, GpuDevice device, long size, int type, LongBuffer handle) {
        VkMemoryAllocateInfo allocate = VkMemoryAllocateInfo.calloc(stack).sType(VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO)
                .allocationSize(size).memoryTypeIndex(type);
        return vkAllocateMemory(device.handle(), allocate, null, handle);
    }

    /** Makes device writes visible to the host (a no-op on coherent memory). */
    public void invalidate() {
        if (coherent) {
            return;
        }
        try (MemoryStack stack = stackPush()) {
            VkMappedMemoryRange.Buffer range = VkMappedMemoryRange.calloc(1, stack);
            range.get(0).sType(VK_STRUCTURE_TYPE_MAPPED_MEMORY_RANGE).memory(memory).offset(0).size(VK_WHOLE_SIZE);
            Vk.check(vkInvalidateMappedMemoryRanges(device.handle(), range), "vkInvalidateMappedMemoryRanges");
        }
    }

    /** Makes host writes visible to the device (a no-op on coherent memory). */
    public void flush() {
        if (coherent) {
            return;
        }
        try (MemoryStack stack = stackPush()) {
            VkMappedMemoryRange.Buffer range = VkMappedMemoryRange.calloc(1, stack);
            range.get(0).sType(VK_STRUCTURE_TYPE_MAPPED_MEMORY_RANGE).memory(memory).offset(0).size(VK_WHOLE_SIZE);
            Vk.check(vkFlushMappedMemoryRanges(device.handle(), range),
                    "vkFlushMappedMemoryRanges");
        }
    }

    /** The mapped memory, position 0, limit the buffer's size: a fresh view each call. */
    public ByteBuffer mapped() {
        return mapped.duplicate().clear();
    }

    public long handle() {
        return buffer;
    }

    public long size() {
        return size;
    }

    @Override
    public void close() {
        vkUnmapMemory(device.handle(), memory);
        vkDestroyBuffer(device.handle(), buffer, null);
        vkFreeMemory(device.handle(), memory, null);
    }
}
