package io.scenelog.renderer.vulkan;

import java.util.Objects;

/**
 * One Vulkan physical device as the loader reports it.
 *
 * @param index      its position in the loader's list (what {@link VulkanOptions#deviceIndex()} names)
 * @param name       the driver's name for it, e.g. "llvmpipe (LLVM 15.0.6, 256 bits)"; shown, never matched
 * @param type       discrete, integrated, virtual, CPU or other
 * @param apiVersion the Vulkan version it supports, e.g. "1.3.230"
 * @param graphics   whether it has a queue that can draw (a device without one is never chosen)
 */
public record VulkanDeviceInfo(int index, String name, VulkanDeviceType type, String apiVersion, boolean graphics) {

    public VulkanDeviceInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(apiVersion, "apiVersion");
    }

    /** What a node reports as its device, e.g. "llvmpipe (LLVM 15.0.6, 256 bits) (CPU)". */
    public String description() {
        return name + " (" + type + ")";
    }
}
