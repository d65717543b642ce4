package io.scenelog.renderer.vulkan.internal;

import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.vulkan.VK10.VK_COMPONENT_SWIZZLE_IDENTITY;
import static org.lwjgl.vulkan.VK10.VK_IMAGE_LAYOUT_UNDEFINED;
import static org.lwjgl.vulkan.VK10.VK_IMAGE_TILING_OPTIMAL;
import static org.lwjgl.vulkan.VK10.VK_IMAGE_TYPE_2D;
import static org.lwjgl.vulkan.VK10.VK_IMAGE_VIEW_TYPE_2D;
import static org.lwjgl.vulkan.VK10.VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT;
import static org.lwjgl.vulkan.VK10.VK_SAMPLE_COUNT_1_BIT;
import static org.lwjgl.vulkan.VK10.VK_SHARING_MODE_EXCLUSIVE;
import static org.lwjgl.vulkan.VK10.VK_STRUCTURE_TYPE_IMAGE_CREATE_INFO;
import static org.lwjgl.vulkan.VK10.VK_STRUCTURE_TYPE_IMAGE_VIEW_CREATE_INFO;
import static org.lwjgl.vulkan.VK10.VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO;
import static org.lwjgl.vulkan.VK10.vkAllocateMemory;
import static org.lwjgl.vulkan.VK10.vkBindImageMemory;
import static org.lwjgl.vulkan.VK10.vkCreateImage;
import static org.lwjgl.vulkan.VK10.vkCreateImageView;
import static org.lwjgl.vulkan.VK10.vkDestroyImage;
import static org.lwjgl.vulkan.VK10.vkDestroyImageView;
import static org.lwjgl.vulkan.VK10.vkFreeMemory;
import static org.lwjgl.vulkan.VK10.vkGetImageMemoryRequirements;

import java.nio.LongBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.vulkan.VkImageCreateInfo;
import org.lwjgl.vulkan.VkImageViewCreateInfo;
import org.lwjgl.vulkan.VkMemoryAllocateInfo;
import org.lwjgl.vulkan.VkMemoryRequirements;

/** A 2D image in device memory (optimal tiling, one layer) with a view of all of it. */
public final class GpuImage implements AutoCloseable {

    private final GpuDevice device;
    private final long image;
    private final long memory;
    private final long view;
    private final int width;
    private final int height;
    private final int mipLevels;

    private GpuImage(GpuDevice device, long image, long memory, long view, int width, int height, int mipLevels) {
        this.device = device;
        this.image = image;
        this.memory = memory;
        this.view = view;
        this.width = width;
        this.height = height;
        this.mipLevels = mipLevels;
    }

    /** Creates the image (one mip level) and its view; {@code aspect} is the view's aspect (colour or depth). */
    public static GpuImage create(GpuDevice device, int width, int height, int format, int usage, int aspect) {
        return create(device, width, height, 1, format, usage, aspect);
    }

    /** Creates the image with this many mip levels and a view of all of them. */
    public static GpuImage create(GpuDevice device, int width, int height, int mipLevels, int format, int usage,
            int aspect) {
        try (MemoryStack stack = stackPush()) {
            VkImageCreateInfo info = VkImageCreateInfo.calloc(stack).sType(VK_STRUCTURE_TYPE_IMAGE_CREATE_INFO)
                    .imageType(VK_IMAGE_TYPE_2D).format(format).mipLevels(mipLevels).arrayLayers(1)
                    .samples(VK_SAMPLE_COUNT_1_BIT).tiling(VK_IMAGE_TILING_OPTIMAL).usage(usage)
                    .sharingMode(VK_SHARING_MODE_EXCLUSIVE).initialLayout(VK_IMAGE_LAYOUT_UNDEFINED);
            info.extent().set(width, height, 1);
            LongBuffer handle = stack.mallocLong(1);
            Vk.check(vkCreateImage(device.handle(), info, null, handle),
                    "vkCreateImage(" + width + "x" + height + ", format " + format + ")");
            long image = handle.get(0);
            VkMemoryRequirements requirements = VkMemoryRequirements.malloc(stack);
            vkGetImageMemoryRequirements(device.handle(), image, requirements);
            VkMemoryAllocateInfo allocate = VkMemoryAllocateInfo.calloc(stack)
                    .sType(VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO).allocationSize(requirements.size())
                    .memoryTypeIndex(device.memoryType(requirements.memoryTypeBits(), 0,
                            VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT));
            int result = vkAllocateMemory(device.handle(), allocate, null, handle);
            if (result < 0) {
                vkDestroyImage(device.handle(), image, null);
                Vk.check(result, "vkAllocateMemory(" + requirements.size() + " bytes for an image)");
            }
            long memory = handle.get(0);
            Vk.check(vkBindImageMemory(device.handle(), image, memory, 0), "vkBindImageMemory");
            VkImageViewCreateInfo viewInfo = VkImageViewCreateInfo.calloc(stack)
                    .sType(VK_STRUCTURE_TYPE_IMAGE_VIEW_CREATE_INFO).image(image).viewType(VK_IMAGE_VIEW_TYPE_2D)
                    .format(format);
            viewInfo.components().set(VK_COMPONENT_SWIZZLE_IDENTITY, VK_COMPONENT_SWIZZLE_IDENTITY,
                    VK_COMPONENT_SWIZZLE_IDENTITY, VK_COMPONENT_SWIZZLE_IDENTITY);
            viewInfo.subresourceRange().aspectMask(aspect).baseMipLevel(0).levelCount(mipLevels).baseArrayLayer(0)
                    .layerCount(1);
            Vk.check(vkCreateImageView(device.handle(), viewInfo, null, handle), "vkCreateImageView");
            return new GpuImage(device, image, memory, handle.get(0), width, height, mipLevels);
        }
    }

    public long handle() {
        return image;
    }

    public long view() {
        return view;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int mipLevels() {
        return mipLevels;
    }

    @Override
    public void close() {
        vkDestroyImageView(device.handle(), view, null);
        vkDestroyImage(device.handle(), image, null);
        vkFreeMemory(device.handle(), memory, null);
    }
}
