package io.scenelog.renderer.vulkan.internal;

import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.vulkan.VK10.VK_PHYSICAL_DEVICE_TYPE_CPU;
import static org.lwjgl.vulkan.VK10.VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU;
import static org.lwjgl.vulkan.VK10.VK_PHYSICAL_DEVICE_TYPE_INTEGRATED_GPU;
import static org.lwjgl.vulkan.VK10.VK_PHYSICAL_DEVICE_TYPE_VIRTUAL_GPU;
import static org.lwjgl.vulkan.VK10.VK_QUEUE_GRAPHICS_BIT;
import static org.lwjgl.vulkan.VK10.VK_VERSION_MAJOR;
import static org.lwjgl.vulkan.VK10.VK_VERSION_MINOR;
import static org.lwjgl.vulkan.VK10.VK_VERSION_PATCH;
import static org.lwjgl.vulkan.VK10.vkGetPhysicalDeviceProperties;
import static org.lwjgl.vulkan.VK10.vkGetPhysicalDeviceQueueFamilyProperties;

import io.scenelog.renderer.vulkan.VulkanDeviceInfo;
import io.scenelog.renderer.vulkan.VulkanDeviceType;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.List;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.vulkan.VkPhysicalDevice;
import org.lwjgl.vulkan.VkPhysicalDeviceProperties;
import org.lwjgl.vulkan.VkQueueFamilyProperties;

/** Describes physical devices as {@link VulkanDeviceInfo}s and finds their graphics queue. */
public final class PhysicalDevices {

    private PhysicalDevices() {
    }

    /** The devices in the loader's order, described. */
    public static List<VulkanDeviceInfo> describe(List<VkPhysicalDevice> devices) {
        List<VulkanDeviceInfo> infos = new ArrayList<>();
        for (int i = 0; i < devices.size(); i++) {
            infos.add(describe(i, devices.get(i)));
        }
        return infos;
    }

    private static VulkanDeviceInfo describe(int index, VkPhysicalDevice device) {
        try (MemoryStack stack = stackPush()) {
            VkPhysicalDeviceProperties properties = VkPhysicalDeviceProperties.malloc(stack);
            vkGetPhysicalDeviceProperties(device, properties);
            int version = properties.apiVersion();
            String api = VK_VERSION_MAJOR(version) + "." + VK_VERSION_MINOR(version) + "." + VK_VERSION_PATCH(version);
            return new VulkanDeviceInfo(index, properties.deviceNameString(), type(properties.deviceType()), api,
                    graphicsQueueFamily(device) >= 0);
        }
    }

    /** The first queue family that can draw, or -1. */
    public static int graphicsQueueFamily(VkPhysicalDevice device) {
        try (MemoryStack stack = stackPush()) {
            IntBuffer count = stack.mallocInt(1);
            vkGetPhysicalDeviceQueueFamilyProperties(device, count, null);
            VkQueueFamilyProperties.Buffer families = VkQueueFamilyProperties.malloc(count.get(0), stack);
            vkGetPhysicalDeviceQueueFamilyProperties(device, count, families);
            for (int i = 0; i < families.capacity(); i++) {
                if ((families.get(i).queueFlags() & VK_QUEUE_GRAPHICS_BIT) != 0 && families.get(i).queueCount() > 0) {
                    return i;
                }
            }
            return -1;
        }
    }

    static VulkanDeviceType type(int vkType) {
        return switch (vkType) {
            case VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU -> VulkanDeviceType.DISCRETE_GPU;
            case VK_PHYSICAL_DEVICE_TYPE_INTEGRATED_GPU -> VulkanDeviceType.INTEGRATED_GPU;
            case VK_PHYSICAL_DEVICE_TYPE_VIRTUAL_GPU -> VulkanDeviceType.VIRTUAL_GPU;
            case VK_PHYSICAL_DEVICE_TYPE_CPU -> VulkanDeviceType.CPU;
            default -> VulkanDeviceType.OTHER;
        };
    }
}
