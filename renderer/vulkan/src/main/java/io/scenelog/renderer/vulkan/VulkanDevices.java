package io.scenelog.renderer.vulkan;

import io.scenelog.renderer.vulkan.internal.DeviceSelection;
import io.scenelog.renderer.vulkan.internal.PhysicalDevices;
import io.scenelog.renderer.vulkan.internal.VulkanInstance;
import java.util.List;
import java.util.OptionalInt;

/** What Vulkan devices this machine has, and which one the renderer would draw with. */
public final class VulkanDevices {

    private VulkanDevices() {
    }

    /**
     * The devices in the loader's order.
     *
     * @throws VulkanUnavailableException when there is no loader or no driver
     */
    public static List<VulkanDeviceInfo> list() {
        try (VulkanInstance instance = VulkanInstance.create(false)) {
            return PhysicalDevices.describe(instance.physicalDevices());
        }
    }

    /**
     * The device a renderer with these options draws with: the override, else the best by type (discrete GPU,
     * integrated, virtual, then CPU).
     *
     * @throws VulkanUnavailableException when no device can draw
     */
    public static VulkanDeviceInfo preferred(List<VulkanDeviceInfo> devices, OptionalInt override) {
        return DeviceSelection.choose(devices, override);
    }
}
