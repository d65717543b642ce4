package io.scenelog.renderer.vulkan.internal;

import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.vulkan.VK10.VK_FORMAT_D16_UNORM;
import static org.lwjgl.vulkan.VK10.VK_FORMAT_D24_UNORM_S8_UINT;
import static org.lwjgl.vulkan.VK10.VK_FORMAT_D32_SFLOAT;
import static org.lwjgl.vulkan.VK10.VK_FORMAT_FEATURE_BLIT_DST_BIT;
import static org.lwjgl.vulkan.VK10.VK_FORMAT_FEATURE_BLIT_SRC_BIT;
import static org.lwjgl.vulkan.VK10.VK_FORMAT_FEATURE_COLOR_ATTACHMENT_BIT;
import static org.lwjgl.vulkan.VK10.VK_FORMAT_FEATURE_DEPTH_STENCIL_ATTACHMENT_BIT;
import static org.lwjgl.vulkan.VK10.VK_FORMAT_FEATURE_SAMPLED_IMAGE_BIT;
import static org.lwjgl.vulkan.VK10.VK_FORMAT_FEATURE_SAMPLED_IMAGE_FILTER_LINEAR_BIT;
import static org.lwjgl.vulkan.VK10.VK_FORMAT_R8G8B8A8_SRGB;
import static org.lwjgl.vulkan.VK10.VK_MEMORY_PROPERTY_HOST_COHERENT_BIT;
import static org.lwjgl.vulkan.VK10.VK_STRUCTURE_TYPE_DEVICE_CREATE_INFO;
import static org.lwjgl.vulkan.VK10.VK_STRUCTURE_TYPE_DEVICE_QUEUE_CREATE_INFO;
import static org.lwjgl.vulkan.VK10.vkCreateDevice;
import static org.lwjgl.vulkan.VK10.vkDestroyDevice;
import static org.lwjgl.vulkan.VK10.vkDeviceWaitIdle;
import static org.lwjgl.vulkan.VK10.vkGetDeviceQueue;
import static org.lwjgl.vulkan.VK10.vkGetPhysicalDeviceFormatProperties;
import static org.lwjgl.vulkan.VK10.vkGetPhysicalDeviceMemoryProperties;
import static org.lwjgl.vulkan.VK10.vkGetPhysicalDeviceProperties;

import io.scenelog.renderer.vulkan.VulkanDeviceInfo;
import org.lwjgl.PointerBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.vulkan.VkDevice;
import org.lwjgl.vulkan.VkDeviceCreateInfo;
import org.lwjgl.vulkan.VkDeviceQueueCreateInfo;
import org.lwjgl.vulkan.VkFormatProperties;
import org.lwjgl.vulkan.VkPhysicalDevice;
import org.lwjgl.vulkan.VkPhysicalDeviceMemoryProperties;
import org.lwjgl.vulkan.VkPhysicalDeviceProperties;
import org.lwjgl.vulkan.VkQueue;

/** The logical device with its one graphics queue, and what the renderer needs to know about the hardware. */
public final class GpuDevice implements AutoCloseable {

    private final VulkanDeviceInfo info;
    private final VkPhysicalDevice physical;
    private final VkDevice device;
    private final VkQueue queue;
    private final int queueFamily;
    private final VkPhysicalDeviceMemoryProperties memory;
    private final int maxImageDimension;
    private final long uniformAlignment;
    private final float timestampPeriod;
    private final int depthFormat;

    private GpuDevice(VulkanDeviceInfo info, VkPhysicalDevice physical, VkDevice device, int queueFamily) {
        this.info = info;
        this.physical = physical;
        this.device = device;
        this.queueFamily = queueFamily;
        try (MemoryStack stack = stackPush()) {
            PointerBuffer handle = stack.mallocPointer(1);
            vkGetDeviceQueue(device, queueFamily, 0, handle);
            this.queue = new VkQueue(handle.get(0), device);
            VkPhysicalDeviceProperties properties = VkPhysicalDeviceProperties.malloc(stack);
            vkGetPhysicalDeviceProperties(physical, properties);
            this.maxImageDimension = properties.limits().maxImageDimension2D();
            this.uniformAlignment = Math.max(16L, properties.limits().minUniformBufferOffsetAlignment());
            this.timestampPeriod = properties.limits().timestampComputeAndGraphics()
                    ? properties.limits().timestampPeriod() : 0f;
        }
        this.memory = VkPhysicalDeviceMemoryProperties.malloc();
        vkGetPhysicalDeviceMemoryProperties(physical, memory);
        this.depthFormat = chooseDepthFormat();
        requireFormat(VK_FORMAT_R8G8B8A8_SRGB, VK_FORMAT_FEATURE_COLOR_ATTACHMENT_BIT
                | VK_FORMAT_FEATURE_SAMPLED_IMAGE_BIT, "R8G8B8A8_SRGB colour attachment and texture");
    }

    /** Creates the logical device of this physical device with one graphics queue. */
    public static GpuDevice create(VulkanDeviceInfo info, VkPhysicalDevice physical) {
        int family = PhysicalDevices.graphicsQueueFamily(physical);
        try (MemoryStack stack = stackPush()) {
            VkDeviceQueueCreateInfo.Buffer queues = VkDeviceQueueCreateInfo.calloc(1, stack);
            queues.get(0).sType(VK_STRUCTURE_TYPE_DEVICE_QUEUE_CREATE_INFO).queueFamilyIndex(family)
                    .pQueuePriorities(stack.floats(1f));
            VkDeviceCreateInfo create = VkDeviceCreateInfo.calloc(stack).sType(VK_STRUCTURE_TYPE_DEVICE_CREATE_INFO)
                    .pQueueCreateInfos(queues);
            PointerBuffer handle = stack.mallocPointer(1);
            Vk.check(vkCreateDevice(physical, create, null, handle), "vkCreateDevice(" + info.description() + ")");
            return new GpuDevice(info, physical, new VkDevice(handle.get(0), physical, create), family);
        }
    }

    private int chooseDepthFormat() {
        for (int format : new int[] {VK_FORMAT_D32_SFLOAT, VK_FORMAT_D24_UNORM_S8_UINT, VK_FORMAT_D16_UNORM}) {
            if (supports(format, VK_FORMAT_FEATURE_DEPTH_STENCIL_ATTACHMENT_BIT)) {
                return format;
            }
        }
        throw new IllegalStateException(info.description() + " supports no depth attachment format");
    }

    /** Whether the device can make mipmaps of sRGB textures by linear blits. */
    public boolean canBlitSrgbMipmaps() {
        return supports(VK_FORMAT_R8G8B8A8_SRGB, VK_FORMAT_FEATURE_BLIT_SRC_BIT | VK_FORMAT_FEATURE_BLIT_DST_BIT
                | VK_FORMAT_FEATURE_SAMPLED_IMAGE_FILTER_LINEAR_BIT);
    }

    private void requireFormat(int format, int features, String what) {
        if (!supports(format, features)) {
            throw new IllegalStateException(info.description() + " does not support " + what);
        }
    }

    private boolean supports(int format, int features) {
        try (MemoryStack stack = stackPush()) {
            VkFormatProperties properties = VkFormatProperties.malloc(stack);
            vkGetPhysicalDeviceFormatProperties(physical, format, properties);
            return (properties.optimalTilingFeatures() & features) == features;
        }
    }

    /**
     * The memory type for a resource: one of {@code allowedTypes} with all {@code required} flags, preferring one
     * that also has the {@code preferred} flags.
     */
    public int memoryType(int allowedTypes, int required, int preferred) {
        int fallback = -1;
        for (int i = 0; i < memory.memoryTypeCount(); i++) {
            int flags = memory.memoryTypes(i).propertyFlags();
            if ((allowedTypes & 1 << i) == 0 || (flags & required) != required) {
                continue;
            }
            if ((flags & preferred) == preferred) {
                return i;
            }
            if (fallback < 0) {
                fallback = i;
            }
        }
        if (fallback < 0) {
            throw new IllegalStateException(info.description() + " has no memory type with flags " + required
                    + " among types " + Integer.toBinaryString(allowedTypes));
        }
        return fallback;
    }

    /** Whether one of {@code allowedTypes} has all the {@code required} flags. */
    public boolean hasMemoryType(int allowedTypes, int required) {
        for (int i = 0; i < memory.memoryTypeCount(); i++) {
            if ((allowedTypes & 1 << i) != 0 && (memory.memoryTypes(i).propertyFlags() & required) == required) {
                return true;
            }
        }
        return false;
    }

    /** Whether this memory type is host coherent (else mapped memory needs flushes and invalidates). */
    public boolean isHostCoherent(int memoryType) {
        return (memory.memoryTypes(memoryType).propertyFlags() & VK_MEMORY_PROPERTY_HOST_COHERENT_BIT) != 0;
    }

    /** Waits until the device has finished all work. */
    public void waitIdle() {
        Vk.check(vkDeviceWaitIdle(device), "vkDeviceWaitIdle");
    }

    public VkDevice handle() {
        return device;
    }

    public VkQueue queue() {
        return queue;
    }

    public int queueFamily() {
        return queueFamily;
    }

    public VulkanDeviceInfo info() {
        return info;
    }

    /** The largest width or height of an image. */
    public int maxImageDimension() {
        return maxImageDimension;
    }

    /** The alignment of dynamic uniform buffer offsets. */
    public long uniformAlignment() {
        return uniformAlignment;
    }

    /** Nanoseconds per timestamp tick, or 0 when the graphics queue has no timestamps. */
    public float timestampPeriod() {
        return timestampPeriod;
    }

    public int depthFormat() {
        return depthFormat;
    }

    @Override
    public void close() {
        vkDestroyDevice(device, null);
        memory.free();
    }
}
