package io.scenelog.renderer.vulkan.internal;

import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.vulkan.VK10.VK_ACCESS_HOST_READ_BIT;
import static org.lwjgl.vulkan.VK10.VK_ACCESS_TRANSFER_WRITE_BIT;
import static org.lwjgl.vulkan.VK10.VK_IMAGE_ASPECT_COLOR_BIT;
import static org.lwjgl.vulkan.VK10.VK_IMAGE_ASPECT_DEPTH_BIT;
import static org.lwjgl.vulkan.VK10.VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL;
import static org.lwjgl.vulkan.VK10.VK_INDEX_TYPE_UINT32;
import static org.lwjgl.vulkan.VK10.VK_PIPELINE_BIND_POINT_GRAPHICS;
import static org.lwjgl.vulkan.VK10.VK_PIPELINE_STAGE_HOST_BIT;
import static org.lwjgl.vulkan.VK10.VK_PIPELINE_STAGE_TRANSFER_BIT;
import static org.lwjgl.vulkan.VK10.VK_SHADER_STAGE_FRAGMENT_BIT;
import static org.lwjgl.vulkan.VK10.VK_SHADER_STAGE_VERTEX_BIT;
import static org.lwjgl.vulkan.VK10.VK_STRUCTURE_TYPE_MEMORY_BARRIER;
import static org.lwjgl.vulkan.VK10.VK_STRUCTURE_TYPE_RENDER_PASS_BEGIN_INFO;
import static org.lwjgl.vulkan.VK10.VK_SUBPASS_CONTENTS_INLINE;
import static org.lwjgl.vulkan.VK10.vkCmdBeginRenderPass;
import static org.lwjgl.vulkan.VK10.vkCmdBindDescriptorSets;
import static org.lwjgl.vulkan.VK10.vkCmdBindIndexBuffer;
import static org.lwjgl.vulkan.VK10.vkCmdBindPipeline;
import static org.lwjgl.vulkan.VK10.vkCmdBindVertexBuffers;
import static org.lwjgl.vulkan.VK10.vkCmdClearAttachments;
import static org.lwjgl.vulkan.VK10.vkCmdCopyImageToBuffer;
import static org.lwjgl.vulkan.VK10.vkCmdDraw;
import static org.lwjgl.vulkan.VK10.vkCmdDrawIndexed;
import static org.lwjgl.vulkan.VK10.vkCmdEndRenderPass;
import static org.lwjgl.vulkan.VK10.vkCmdPipelineBarrier;
import static org.lwjgl.vulkan.VK10.vkCmdPushConstants;
import static org.lwjgl.vulkan.VK10.vkCmdSetScissor;
import static org.lwjgl.vulkan.VK10.vkCmdSetViewport;

import io.scenelog.renderer.draw.DrawItem;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.joml.Vector3fc;
import org.joml.Vector4fc;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;
import org.lwjgl.vulkan.VkBufferImageCopy;
import org.lwjgl.vulkan.VkClearAttachment;
import org.lwjgl.vulkan.VkClearRect;
import org.lwjgl.vulkan.VkClearValue;
import org.lwjgl.vulkan.VkCommandBuffer;
import org.lwjgl.vulkan.VkMemoryBarrier;
import org.lwjgl.vulkan.VkRect2D;
import org.lwjgl.vulkan.VkRenderPassBeginInfo;
import org.lwjgl.vulkan.VkViewport;

/**
 * Records one frame: clear to the sky, per viewport its depth cleared, the meshes drawn and the grid over them,
 * then the colour copied into the readback buffer.
 */
public final class FrameRecorder implements AutoCloseable {

    /** model (mat4), base colour (vec4), material (vec4): must match {@code Item} in the shaders. */
    public static final int PUSH_CONSTANT_BYTES = 64 + 16 + 16;
    public static final int PUSH_CONSTANT_STAGES = VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT;

    private final RenderPass pass;
    private final PipelineLayout layout;
    private final GraphicsPipeline meshPipeline;
    private final GraphicsPipeline gridPipeline;
    private final ByteBuffer push = MemoryUtil.memAlloc(PUSH_CONSTANT_BYTES).order(ByteOrder.nativeOrder());

    public FrameRecorder(RenderPass pass, PipelineLayout layout, GraphicsPipeline meshPipeline,
            GraphicsPipeline gridPipeline) {
        this.pass = pass;
        this.layout = layout;
        this.meshPipeline = meshPipeline;
        this.gridPipeline = gridPipeline;
    }

    /** What one frame draws, resolved to device resources. */
    public record Frame(RenderTarget target, Vector3fc sky, boolean grid, List<ViewportRect> viewports,
            FrameUniforms uniforms, List<DrawItem> items, GpuMesh[] meshes, long[] textureSets,
            TimestampQueries timestamps) {
    }

    /** Records the whole frame into the buffer. */
    public void record(VkCommandBuffer cmd, Frame frame) {
        try (MemoryStack stack = stackPush()) {
            frame.timestamps().start(cmd);
            beginPass(stack, cmd, frame);
            for (int v = 0; v < frame.viewports().size(); v++) {
                drawViewport(stack, cmd, frame, v);
            }
            vkCmdEndRenderPass(cmd);
            frame.timestamps().drawn(cmd);
            copyToReadback(stack, cmd, frame.target());
            frame.timestamps().copied(cmd);
        }
    }

    private void beginPass(MemoryStack stack, VkCommandBuffer cmd, Frame frame) {
        VkClearValue.Buffer clear = VkClearValue.calloc(2, stack);
        clear.get(0).color().float32(0, frame.sky().x()).float32(1, frame.sky().y()).float32(2, frame.sky().z())
                .float32(3, 1f);
        clear.get(1).depthStencil().set(1f, 0);
        VkRenderPassBeginInfo begin = VkRenderPassBeginInfo.calloc(stack)
                .sType(VK_STRUCTURE_TYPE_RENDER_PASS_BEGIN_INFO).renderPass(pass.handle())
                .framebuffer(frame.target().framebuffer().handle()).pClearValues(clear);
        begin.renderArea().extent().set(frame.target().width(), frame.target().height());
        vkCmdBeginRenderPass(cmd, begin, VK_SUBPASS_CONTENTS_INLINE);
    }

    private void drawViewport(MemoryStack stack, VkCommandBuffer cmd, Frame frame, int index) {
        ViewportRect rect = frame.viewports().get(index);
        VkViewport.Buffer viewport = VkViewport.calloc(1, stack);
        viewport.get(0).x(rect.x()).y(rect.y()).width(rect.width()).height(rect.height()).minDepth(0f).maxDepth(1f);
        vkCmdSetViewport(cmd, 0, viewport);
        VkRect2D.Buffer scissor = VkRect2D.calloc(1, stack);
        scissor.get(0).offset().set(rect.x(), rect.y());
        scissor.get(0).extent().set(rect.width(), rect.height());
        vkCmdSetScissor(cmd, 0, scissor);
        if (index > 0) {
            clearDepth(stack, cmd, rect);
        }
        int[] offset = {frame.uniforms().offset(index)};
        vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, meshPipeline.handle());
        vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, layout.handle(), 0,
                stack.longs(frame.uniforms().descriptorSet()), stack.ints(offset));
        drawItems(stack, cmd, frame);
        if (frame.grid()) {
            vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, gridPipeline.handle());
            vkCmdDraw(cmd, 6, 1, 0, 0);
        }
    }

    // Viewports may overlap; each starts from a clear depth so that one camera's geometry never hides another's.
    private static void clearDepth(MemoryStack stack, VkCommandBuffer cmd, ViewportRect rect) {
        VkClearAttachment.Buffer attachment = VkClearAttachment.calloc(1, stack);
        attachment.get(0).aspectMask(VK_IMAGE_ASPECT_DEPTH_BIT).clearValue().depthStencil().set(1f, 0);
        VkClearRect.Buffer area = VkClearRect.calloc(1, stack);
        area.get(0).baseArrayLayer(0).layerCount(1).rect().offset().set(rect.x(), rect.y());
        area.get(0).rect().extent().set(rect.width(), rect.height());
        vkCmdClearAttachments(cmd, attachment, area);
    }

    private void drawItems(MemoryStack stack, VkCommandBuffer cmd, Frame frame) {
        GpuMesh bound = null;
        long boundTexture = 0L;
        for (int i = 0; i < frame.items().size(); i++) {
            DrawItem item = frame.items().get(i);
            GpuMesh mesh = frame.meshes()[i];
            if (mesh != bound) {
                vkCmdBindVertexBuffers(cmd, 0, stack.longs(mesh.buffer()), stack.longs(0L));
                vkCmdBindIndexBuffer(cmd, mesh.buffer(), mesh.indexOffset(), VK_INDEX_TYPE_UINT32);
                bound = mesh;
            }
            long texture = frame.textureSets()[i];
            if (texture != boundTexture) {
                vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, layout.handle(), 1,
                        stack.longs(texture), null);
                boundTexture = texture;
            }
            writePushConstants(item);
            vkCmdPushConstants(cmd, layout.handle(), PUSH_CONSTANT_STAGES, 0, push);
            vkCmdDrawIndexed(cmd, mesh.indexCount(), 1, 0, 0, 0);
        }
    }

    private void writePushConstants(DrawItem item) {
        item.world().get(0, push);
        Vector4fc color = item.material().baseColor();
        push.putFloat(64, color.x()).putFloat(68, color.y()).putFloat(72, color.z()).putFloat(76, color.w());
        push.putFloat(80, item.material().metallic()).putFloat(84, item.material().roughness())
                .putFloat(88, item.material().baseColorTexture().isPresent() ? 1f : 0f).putFloat(92, 0f);
    }

    private static void copyToReadback(MemoryStack stack, VkCommandBuffer cmd, RenderTarget target) {
        VkBufferImageCopy.Buffer region = VkBufferImageCopy.calloc(1, stack);
        region.get(0).bufferOffset(0).bufferRowLength(0).bufferImageHeight(0);
        region.get(0).imageSubresource().aspectMask(VK_IMAGE_ASPECT_COLOR_BIT).mipLevel(0).baseArrayLayer(0)
                .layerCount(1);
        region.get(0).imageExtent().set(target.width(), target.height(), 1);
        vkCmdCopyImageToBuffer(cmd, target.color().handle(), VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL,
                target.readbackBuffer().handle(), region);
        VkMemoryBarrier.Buffer barrier = VkMemoryBarrier.calloc(1, stack);
        barrier.get(0).sType(VK_STRUCTURE_TYPE_MEMORY_BARRIER).srcAccessMask(VK_ACCESS_TRANSFER_WRITE_BIT)
                .dstAccessMask(VK_ACCESS_HOST_READ_BIT);
        vkCmdPipelineBarrier(cmd, VK_PIPELINE_STAGE_TRANSFER_BIT, VK_PIPELINE_STAGE_HOST_BIT, 0, barrier, null,
                null);
    }

    @Override
    public void close() {
        MemoryUtil.memFree(push);
    }
}
