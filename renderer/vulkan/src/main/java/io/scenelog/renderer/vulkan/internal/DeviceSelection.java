package io.scenelog.renderer.vulkan.internal;

import io.scenelog.renderer.vulkan.VulkanDeviceInfo;
import io.scenelog.renderer.vulkan.VulkanUnavailableException;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;

/**
 * Picks the device to draw with: by type (discrete, integrated, virtual GPU, then CPU), never by name, unless an
 * index overrides it. Among devices of one type the loader's order decides.
 */
public final class DeviceSelection {

    private DeviceSelection() {
    }

    /**
     * @throws VulkanUnavailableException when no device can draw
     * @throws IllegalArgumentException   when the override names no device or one that cannot draw
     */
    public static VulkanDeviceInfo choose(List<VulkanDeviceInfo> devices, OptionalInt override) {
        if (override.isPresent()) {
            int index = override.getAsInt();
            VulkanDeviceInfo chosen = devices.stream().filter(d -> d.index() == index).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Vulkan device index " + index
                            + " does not exist; the devices are " + devices));
            if (!chosen.graphics()) {
                throw new IllegalArgumentException("Vulkan device " + index + " (" + chosen.description()
                        + ") has no graphics queue");
            }
            return chosen;
        }
        return devices.stream().filter(VulkanDeviceInfo::graphics)
                .min(Comparator.comparing(VulkanDeviceInfo::type).thenComparingInt(VulkanDeviceInfo::index))
                .orElseThrow(() -> new VulkanUnavailableException(devices.isEmpty()
                        ? "the Vulkan loader found no device" : "no Vulkan device can draw: " + devices));
    }
}
