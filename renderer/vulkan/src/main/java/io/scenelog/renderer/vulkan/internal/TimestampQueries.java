package io.scenelog.renderer.vulkan.internal;

import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.vulkan.VK10.VK_PIPELINE_STAGE_BOTTOM_OF_PIPE_BIT;
import static org.lwjgl.vulkan.VK10.VK_PIPELINE_STAGE_TOP_OF_PIPE_BIT;
import static org.lwjgl.vulkan.VK10.VK_QUERY_RESULT_64_BIT;
import static org.lwjgl.vulkan.VK10.VK_QUERY_RESULT_WAIT_BIT;
import static org.lwjgl.vulkan.VK10.VK_QUERY_TYPE_TIMESTAMP;
import static org.lwjgl.vulkan.VK10.VK_STRUCTURE_TYPE_QUERY_POOL_CREATE_INFO;
import static org.lwjgl.vulkan.VK10.vkCmdResetQueryPool;
import static org.lwjgl.vulkan.VK10.vkCmdWriteTimestamp;
import static org.lwjgl.vulkan.VK10.vkCreateQueryPool;
import static org.lwjgl.vulkan.VK10.vkDestroyQueryPool;
import static org.lwjgl.vulkan.VK10.vkGetQueryPoolResults;

import java.nio.LongBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;
import org.lwjgl.vulkan.VkCommandBuffer;
import org.lwjgl.vulkan.VkQueryPoolCreateInfo;

/**
 * Device timestamps at the start of a frame, after drawing and after the readback copy, so that a frame's time
 * splits into drawing and copying although both run in one submission. Measures nothing on a queue without
 * timestamps.
 */
public final class TimestampQueries implements AutoCloseable {

    private static final int START = 0;
    private static final int DRAWN = 1;
    private static final int COPIED = 2;

    private final GpuDevice device;
    private final long pool;
    private final LongBuffer results = MemoryUtil.memAllocLong(3);

    public TimestampQueries(GpuDevice device) {
        this.device = device;
        if (device.timestampPeriod() <= 0f) {
            this.pool = 0L;
            return;
        }
        try (MemoryStack stack = stackPush()) {
            VkQueryPoolCreateInfo info = VkQueryPoolCreateInfo.calloc(stack)
                    .sType(VK_STRUCTURE_TYPE_QUERY_POOL_CREATE_INFO).queryType(VK_QUERY_TYPE_TIMESTAMP).queryCount(3);
            LongBuffer handle = stack.mallocLong(1);
            Vk.check(vkCreateQueryPool(device.handle(), info, null, handle), "vkCreateQueryPool");
            this.pool = handle.get(0);
        }
    }

    /** Records the start (outside a render pass). */
    public void start(VkCommandBuffer buffer) {
        if (pool != 0L) {
            vkCmdResetQueryPool(buffer, pool, 0, 3);
            vkCmdWriteTimestamp(buffer, VK_PIPELINE_STAGE_TOP_OF_PIPE_BIT, pool, START);
        }
    }

    /** Records the end of drawing. */
    public void drawn(VkCommandBuffer buffer) {
        if (pool != 0L) {
            vkCmdWriteTimestamp(buffer, VK_PIPELINE_STAGE_BOTTOM_OF_PIPE_BIT, pool, DRAWN);
        }
    }

    /** Records the end of the readback copy. */
    public void copied(VkCommandBuffer buffer) {
        if (pool != 0L) {
            vkCmdWriteTimestamp(buffer, VK_PIPELINE_STAGE_BOTTOM_OF_PIPE_BIT, pool, COPIED);
        }
    }

    /** The nanoseconds the copy took on the device, after the frame's fence; 0 when unmeasured. */
    public long copyNanos() {
        if (pool == 0L) {
            return 0L;
        }
        Vk.check(vkGetQueryPoolResults(device.handle(), pool, 0, 3, results, Long.BYTES,
                VK_QUERY_RESULT_64_BIT | VK_QUERY_RESULT_WAIT_BIT), "vkGetQueryPoolResults");
        long ticks = results.get(COPIED) - results.get(DRAWN);
        return Math.max(0L, (long) (ticks * (double) device.timestampPeriod()));
    }

    @Override
    public void close() {
        if (pool != 0L) {
            vkDestroyQueryPool(device.handle(), pool, null);
        }
        MemoryUtil.memFree(results);
    }
}
