package io.scenelog.renderer.vulkan.internal;

import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.vulkan.VK10.VK_STRUCTURE_TYPE_FENCE_CREATE_INFO;
import static org.lwjgl.vulkan.VK10.VK_TIMEOUT;
import static org.lwjgl.vulkan.VK10.vkCreateFence;
import static org.lwjgl.vulkan.VK10.vkDestroyFence;
import static org.lwjgl.vulkan.VK10.vkResetFences;
import static org.lwjgl.vulkan.VK10.vkWaitForFences;

import java.nio.LongBuffer;
import java.util.concurrent.TimeUnit;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.vulkan.VkFenceCreateInfo;

/** A fence the host waits on for one submission. */
public final class Fence implements AutoCloseable {

    /** Long enough for any frame on a CPU rasteriser; a device that takes longer is lost, not slow. */
    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final GpuDevice device;
    private final long fence;

    public Fence(GpuDevice device) {
        this.device = device;
        try (MemoryStack stack = stackPush()) {
            LongBuffer handle = stack.mallocLong(1);
            Vk.check(vkCreateFence(device.handle(),
                    VkFenceCreateInfo.calloc(stack).sType(VK_STRUCTURE_TYPE_FENCE_CREATE_INFO), null, handle),
                    "vkCreateFence");
            this.fence = handle.get(0);
        }
    }

    /** Waits until the submission signalled the fence, then unsignals it for the next one. */
    public void awaitAndReset() {
        int result = vkWaitForFences(device.handle(), fence, true, TIMEOUT_NANOS);
        if (result == VK_TIMEOUT) {
            throw new IllegalStateException("the device did not finish a submission within "
                    + TimeUnit.NANOSECONDS.toSeconds(TIMEOUT_NANOS) + " s (" + device.info().description() + ")");
        }
        Vk.check(result, "vkWaitForFences");
        Vk.check(vkResetFences(device.handle(), fence), "vkResetFences");
    }

    public long handle() {
        return fence;
    }

    @Override
    public void close() {
        vkDestroyFence(device.handle(), fence, null);
    }
}
