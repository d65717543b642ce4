package io.scenelog.renderer.vulkan;

/** The kind of a Vulkan physical device, in the order the renderer prefers them (first is best). */
public enum VulkanDeviceType {
    DISCRETE_GPU,
    INTEGRATED_GPU,
    VIRTUAL_GPU,
    /** A software rasteriser such as Mesa's lavapipe (which calls itself "llvmpipe"). */
    CPU,
    OTHER
}
