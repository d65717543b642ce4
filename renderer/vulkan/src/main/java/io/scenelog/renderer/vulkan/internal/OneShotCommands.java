package io.scenelog.renderer.vulkan.internal;

import java.util.function.Consumer;
import org.lwjgl.vulkan.VkCommandBuffer;

/** A reusable command buffer and fence for uploads that must finish before the next frame is recorded. */
public final class OneShotCommands implements AutoCloseable {

    private final CommandPool pool;
    private final VkCommandBuffer buffer;
    private final Fence fence;

    public OneShotCommands(GpuDevice device, CommandPool pool) {
        this.pool = pool;
        this.buffer = pool.allocate();
        this.fence = new Fence(device);
    }

    /** Records, submits and waits. */
    public void run(Consumer<VkCommandBuffer> recording) {
        pool.recordSubmitAndWait(buffer, fence, recording);
    }

    @Override
    public void close() {
        fence.close();
    }
}
