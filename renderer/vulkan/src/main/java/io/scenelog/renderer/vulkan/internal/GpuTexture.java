package io.scenelog.renderer.vulkan.internal;

import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.vulkan.VK10.VK_ACCESS_SHADER_READ_BIT;
import static org.lwjgl.vulkan.VK10.VK_ACCESS_TRANSFER_READ_BIT;
import static org.lwjgl.vulkan.VK10.VK_ACCESS_TRANSFER_WRITE_BIT;
import static org.lwjgl.vulkan.VK10.VK_BUFFER_USAGE_TRANSFER_SRC_BIT;
import static org.lwjgl.vulkan.VK10.VK_FORMAT_R8G8B8A8_SRGB;
import static org.lwjgl.vulkan.VK10.VK_FILTER_LINEAR;
import static org.lwjgl.vulkan.VK10.VK_IMAGE_ASPECT_COLOR_BIT;
import static org.lwjgl.vulkan.VK10.VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL;
import static org.lwjgl.vulkan.VK10.VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL;
import static org.lwjgl.vulkan.VK10.VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL;
import static org.lwjgl.vulkan.VK10.VK_IMAGE_LAYOUT_UNDEFINED;
import static org.lwjgl.vulkan.VK10.VK_IMAGE_USAGE_SAMPLED_BIT;
import static org.lwjgl.vulkan.VK10.VK_IMAGE_USAGE_TRANSFER_SRC_BIT;
import static org.lwjgl.vulkan.VK10.VK_IMAGE_USAGE_TRANSFER_DST_BIT;
import static org.lwjgl.vulkan.VK10.VK_MEMORY_PROPERTY_HOST_COHERENT_BIT;
import static org.lwjgl.vulkan.VK10.VK_PIPELINE_STAGE_FRAGMENT_SHADER_BIT;
import static org.lwjgl.vulkan.VK10.VK_PIPELINE_STAGE_TOP_OF_PIPE_BIT;
import static org.lwjgl.vulkan.VK10.VK_PIPELINE_STAGE_TRANSFER_BIT;
import static org.lwjgl.vulkan.VK10.VK_QUEUE_FAMILY_IGNORED;
import static org.lwjgl.vulkan.VK10.VK_STRUCTURE_TYPE_IMAGE_MEMORY_BARRIER;
import static org.lwjgl.vulkan.VK10.vkCmdBlitImage;
import static org.lwjgl.vulkan.VK10.vkCmdCopyBufferToImage;
import static org.lwjgl.vulkan.VK10.vkCmdPipelineBarrier;

import io.scenelog.renderer.draw.TextureData;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.vulkan.VkBufferImageCopy;
import org.lwjgl.vulkan.VkCommandBuffer;
import org.lwjgl.vulkan.VkImageBlit;
import org.lwjgl.vulkan.VkImageMemoryBarrier;

/**
 * A base-colour texture on the device (sRGB, so sampling returns linear colour), with mipmaps where the device can
 * blit them, and its descriptor set.
 */
public final class GpuTexture implements GpuResource {

    private final GpuImage image;
    private final DescriptorSet descriptor;

    private GpuTexture(GpuImage image, DescriptorSet descriptor) {
        this.image = image;
        this.descriptor = descriptor;
    }

    /** Uploads the texture through a staging buffer, waiting until the copy is done. */
    public static GpuTexture upload(GpuDevice device, OneShotCommands commands, DescriptorSetLayout layout,
            Sampler sampler, TextureData texture) {
        if (texture.width() > device.maxImageDimension() || texture.height() > device.maxImageDimension()) {
            throw new IllegalArgumentException("texture " + texture.key() + " is " + texture.width() + "x"
                    + texture.height() + ", beyond " + device.info().description() + "'s limit of "
                    + device.maxImageDimension() + " pixels a side");
        }
        int levels = device.canBlitSrgbMipmaps()
                ? 32 - Integer.numberOfLeadingZeros(Math.max(texture.width(), texture.height())) : 1;
        GpuImage image = GpuImage.create(device, texture.width(), texture.height(), levels, VK_FORMAT_R8G8B8A8_SRGB,
                VK_IMAGE_USAGE_TRANSFER_SRC_BIT | VK_IMAGE_USAGE_TRANSFER_DST_BIT | VK_IMAGE_USAGE_SAMPLED_BIT,
                VK_IMAGE_ASPECT_COLOR_BIT);
        try (GpuBuffer staging = GpuBuffer.hostVisible(device, texture.rgba().length,
                VK_BUFFER_USAGE_TRANSFER_SRC_BIT, VK_MEMORY_PROPERTY_HOST_COHERENT_BIT)) {
            staging.mapped().put(texture.rgba());
            staging.flush();
            commands.run(buffer -> {
                try (MemoryStack stack = stackPush()) {
                    copy(stack, buffer, staging, image);
                    makeMipmaps(stack, buffer, image);
                }
            });
        } catch (RuntimeException e) {
            image.close();
            throw e;
        }
        return new GpuTexture(image, new DescriptorSet(device, layout).writeImage(image, sampler));
    }

    private static void copy(MemoryStack stack, VkCommandBuffer buffer, GpuBuffer staging, GpuImage image) {
        transition(stack, buffer, image, 0, image.mipLevels(), VK_IMAGE_LAYOUT_UNDEFINED,
                VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, 0, VK_ACCESS_TRANSFER_WRITE_BIT,
                VK_PIPELINE_STAGE_TOP_OF_PIPE_BIT, VK_PIPELINE_STAGE_TRANSFER_BIT);
        VkBufferImageCopy.Buffer region = VkBufferImageCopy.calloc(1, stack);
        region.get(0).bufferOffset(0).bufferRowLength(0).bufferImageHeight(0);
        region.get(0).imageSubresource().aspectMask(VK_IMAGE_ASPECT_COLOR_BIT).mipLevel(0).baseArrayLayer(0)
                .layerCount(1);
        region.get(0).imageExtent().set(image.width(), image.height(), 1);
        vkCmdCopyBufferToImage(buffer, staging.handle(), image.handle(), VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, region);
    }

    // Each level is a linear blit of the one above; a level becomes shader-readable once the next is made from it.
    private static void makeMipmaps(MemoryStack stack, VkCommandBuffer buffer, GpuImage image) {
        int width = image.width();
        int height = image.height();
        for (int level = 1; level < image.mipLevels(); level++) {
            transition(stack, buffer, image, level - 1, 1, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL,
                    VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, VK_ACCESS_TRANSFER_WRITE_BIT, VK_ACCESS_TRANSFER_READ_BIT,
                    VK_PIPELINE_STAGE_TRANSFER_BIT, VK_PIPELINE_STAGE_TRANSFER_BIT);
            int nextWidth = Math.max(1, width / 2);
            int nextHeight = Math.max(1, height / 2);
            VkImageBlit.Buffer blit = VkImageBlit.calloc(1, stack);
            blit.get(0).srcSubresource().aspectMask(VK_IMAGE_ASPECT_COLOR_BIT).mipLevel(level - 1).baseArrayLayer(0)
                    .layerCount(1);
            blit.get(0).srcOffsets(1).set(width, height, 1);
            blit.get(0).dstSubresource().aspectMask(VK_IMAGE_ASPECT_COLOR_BIT).mipLevel(level).baseArrayLayer(0)
                    .layerCount(1);
            blit.get(0).dstOffsets(1).set(nextWidth, nextHeight, 1);
            vkCmdBlitImage(buffer, image.handle(), VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, image.handle(),
                    VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, blit, VK_FILTER_LINEAR);
            transition(stack, buffer, image, level - 1, 1, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL,
                    VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL, VK_ACCESS_TRANSFER_READ_BIT, VK_ACCESS_SHADER_READ_BIT,
                    VK_PIPELINE_STAGE_TRANSFER_BIT, VK_PIPELINE_STAGE_FRAGMENT_SHADER_BIT);
            width = nextWidth;
            height = nextHeight;
        }
        transition(stack, buffer, image, image.mipLevels() - 1, 1, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL,
                VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL, VK_ACCESS_TRANSFER_WRITE_BIT, VK_ACCESS_SHADER_READ_BIT,
                VK_PIPELINE_STAGE_TRANSFER_BIT, VK_PIPELINE_STAGE_FRAGMENT_SHADER_BIT);
    }

    private static void transition(MemoryStack stack, VkCommandBuffer buffer, GpuImage image, int baseLevel,
            int levels, int from, int to, int srcAccess, int dstAccess, int srcStage, int dstStage) {
        VkImageMemoryBarrier.Buffer barrier = VkImageMemoryBarrier.calloc(1, stack);
        barrier.get(0).sType(VK_STRUCTURE_TYPE_IMAGE_MEMORY_BARRIER).oldLayout(from).newLayout(to)
                .srcAccessMask(srcAccess).dstAccessMask(dstAccess).srcQueueFamilyIndex(VK_QUEUE_FAMILY_IGNORED)
                .dstQueueFamilyIndex(VK_QUEUE_FAMILY_IGNORED).image(image.handle());
        barrier.get(0).subresourceRange().aspectMask(VK_IMAGE_ASPECT_COLOR_BIT).baseMipLevel(baseLevel)
                .levelCount(levels).baseArrayLayer(0).layerCount(1);
        vkCmdPipelineBarrier(buffer, srcStage, dstStage, 0, null, null, barrier);
    }

    /** The descriptor set that binds it (set 1 of the mesh pipeline). */
    public long descriptorSet() {
        return descriptor.handle();
    }

    /** Approximately: the pixels, a third more with mipmaps. */
    @Override
    public long bytes() {
        long pixels = 4L * image.width() * image.height();
        return image.mipLevels() > 1 ? pixels * 4 / 3 : pixels;
    }

    @Override
    public void close() {
        descriptor.close();
        image.close();
    }
}
