package io.scenelog.renderer.vulkan.internal;

/** A Vulkan call returned an error result; the message names the call and the {@code VkResult}. */
public final class VulkanCallException extends RuntimeException {

    private final int result;

    public VulkanCallException(String message, int result) {
        super(message);
        this.result = result;
    }

    /** The {@code VkResult} value. */
    public int result() {
        return result;
    }
}
