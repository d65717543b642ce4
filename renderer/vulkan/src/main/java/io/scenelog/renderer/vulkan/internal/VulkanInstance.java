package io.scenelog.renderer.vulkan.internal;

import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.vulkan.EXTDebugUtils.VK_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT;
import static org.lwjgl.vulkan.EXTDebugUtils.VK_DEBUG_UTILS_MESSAGE_SEVERITY_WARNING_BIT_EXT;
import static org.lwjgl.vulkan.EXTDebugUtils.VK_DEBUG_UTILS_MESSAGE_TYPE_GENERAL_BIT_EXT;
import static org.lwjgl.vulkan.EXTDebugUtils.VK_DEBUG_UTILS_MESSAGE_TYPE_PERFORMANCE_BIT_EXT;
import static org.lwjgl.vulkan.EXTDebugUtils.VK_DEBUG_UTILS_MESSAGE_TYPE_VALIDATION_BIT_EXT;
import static org.lwjgl.vulkan.EXTDebugUtils.VK_EXT_DEBUG_UTILS_EXTENSION_NAME;
import static org.lwjgl.vulkan.EXTDebugUtils.vkCreateDebugUtilsMessengerEXT;
import static org.lwjgl.vulkan.EXTDebugUtils.vkDestroyDebugUtilsMessengerEXT;
import static org.lwjgl.vulkan.VK10.VK_FALSE;
import static org.lwjgl.vulkan.VK10.VK_ERROR_INCOMPATIBLE_DRIVER;
import static org.lwjgl.vulkan.VK10.VK_ERROR_INITIALIZATION_FAILED;
import static org.lwjgl.vulkan.VK10.VK_NULL_HANDLE;
import static org.lwjgl.vulkan.VK10.VK_STRUCTURE_TYPE_APPLICATION_INFO;
import static org.lwjgl.vulkan.VK10.VK_STRUCTURE_TYPE_INSTANCE_CREATE_INFO;
import static org.lwjgl.vulkan.VK10.vkCreateInstance;
import static org.lwjgl.vulkan.VK10.vkDestroyInstance;
import static org.lwjgl.vulkan.VK10.vkEnumerateInstanceExtensionProperties;
import static org.lwjgl.vulkan.VK10.vkEnumerateInstanceLayerProperties;
import static org.lwjgl.vulkan.VK10.vkEnumeratePhysicalDevices;
import static org.lwjgl.vulkan.VK11.VK_API_VERSION_1_1;

import io.scenelog.renderer.vulkan.VulkanUnavailableException;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.lwjgl.PointerBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.vulkan.VK;
import org.lwjgl.vulkan.VkApplicationInfo;
import org.lwjgl.vulkan.VkDebugUtilsMessengerCallbackDataEXT;
import org.lwjgl.vulkan.VkDebugUtilsMessengerCallbackEXT;
import org.lwjgl.vulkan.VkDebugUtilsMessengerCreateInfoEXT;
import org.lwjgl.vulkan.VkExtensionProperties;
import org.lwjgl.vulkan.VkInstance;
import org.lwjgl.vulkan.VkInstanceCreateInfo;
import org.lwjgl.vulkan.VkLayerProperties;
import org.lwjgl.vulkan.VkPhysicalDevice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Vulkan instance (Vulkan 1.1), with the validation layer and a messenger that logs it when asked for. */
public final class VulkanInstance implements AutoCloseable {

    static final String VALIDATION_LAYER = "VK_LAYER_KHRONOS_validation";
    private static final Logger LOG = LoggerFactory.getLogger(VulkanInstance.class);

    private final VkInstance instance;
    private final long messenger;
    private final VkDebugUtilsMessengerCallbackEXT callback;
    private final boolean validation;

    private VulkanInstance(VkInstance instance, long messenger, VkDebugUtilsMessengerCallbackEXT callback,
            boolean validation) {
        this.instance = instance;
        this.messenger = messenger;
        this.callback = callback;
        this.validation = validation;
    }

    /** @throws VulkanUnavailableException when there is no loader or no driver */
    public static VulkanInstance create(boolean validation) {
        loadLoader();
        try (MemoryStack stack = stackPush()) {
            boolean layer = validation && hasLayer(stack, VALIDATION_LAYER);
            boolean debugUtils = layer && hasExtension(stack, VK_EXT_DEBUG_UTILS_EXTENSION_NAME);
            if (validation && !layer) {
                LOG.warn("Vulkan validation was asked for but the layer {} is not installed (Debian: "
                        + "vulkan-validationlayers); running without it.", VALIDATION_LAYER);
            }
            VkApplicationInfo app = VkApplicationInfo.calloc(stack).sType(VK_STRUCTURE_TYPE_APPLICATION_INFO)
                    .pApplicationName(stack.UTF8("scenelog-renderer")).applicationVersion(1)
                    .pEngineName(stack.UTF8("scenelog")).engineVersion(1).apiVersion(VK_API_VERSION_1_1);
            VkInstanceCreateInfo info = VkInstanceCreateInfo.calloc(stack)
                    .sType(VK_STRUCTURE_TYPE_INSTANCE_CREATE_INFO).pApplicationInfo(app);
            if (layer) {
                info.ppEnabledLayerNames(stack.pointers(stack.UTF8(VALIDATION_LAYER)));
            }
            if (debugUtils) {
                info.ppEnabledExtensionNames(stack.pointers(stack.UTF8(VK_EXT_DEBUG_UTILS_EXTENSION_NAME)));
            }
            PointerBuffer handle = stack.mallocPointer(1);
            int result = vkCreateInstance(info, null, handle);
            if (result == VK_ERROR_INCOMPATIBLE_DRIVER || result == VK_ERROR_INITIALIZATION_FAILED) {
                throw new VulkanUnavailableException("no Vulkan driver (ICD) is installed: vkCreateInstance "
                        + "returned " + Vk.resultName(result));
            }
            Vk.check(result, "vkCreateInstance");
            VkInstance instance = new VkInstance(handle.get(0), info);
            if (!debugUtils) {
                return new VulkanInstance(instance, VK_NULL_HANDLE, null, layer);
            }
            VkDebugUtilsMessengerCallbackEXT callback = VkDebugUtilsMessengerCallbackEXT.create(
                    (severity, types, data, user) -> {
                        String message = VkDebugUtilsMessengerCallbackDataEXT.create(data).pMessageString();
                        if ((severity & VK_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT) != 0) {
                            LOG.error("Vulkan validation: {}", message);
                        } else {
                            LOG.warn("Vulkan validation: {}", message);
                        }
                        return VK_FALSE;
                    });
            return new VulkanInstance(instance, createMessenger(stack, instance, callback), callback, true);
        }
    }

    private static void loadLoader() {
        try {
            VK.getFunctionProvider();
        } catch (LinkageError | IllegalStateException e) {
            throw new VulkanUnavailableException("the Vulkan loader (libvulkan.so.1) cannot be loaded", e);
        }
    }

    private static long createMessenger(MemoryStack stack, VkInstance instance,
            VkDebugUtilsMessengerCallbackEXT callback) {
        VkDebugUtilsMessengerCreateInfoEXT info = VkDebugUtilsMessengerCreateInfoEXT.calloc(stack)
                .sType$Default()
                .messageSeverity(VK_DEBUG_UTILS_MESSAGE_SEVERITY_WARNING_BIT_EXT
                        | VK_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT)
                .messageType(VK_DEBUG_UTILS_MESSAGE_TYPE_GENERAL_BIT_EXT
                        | VK_DEBUG_UTILS_MESSAGE_TYPE_VALIDATION_BIT_EXT
                        | VK_DEBUG_UTILS_MESSAGE_TYPE_PERFORMANCE_BIT_EXT)
                .pfnUserCallback(callback);
        LongBuffer handle = stack.mallocLong(1);
        Vk.check(vkCreateDebugUtilsMessengerEXT(instance, info, null, handle), "vkCreateDebugUtilsMessengerEXT");
        return handle.get(0);
    }

    private static boolean hasLayer(MemoryStack stack, String name) {
        IntBuffer count = stack.mallocInt(1);
        Vk.check(vkEnumerateInstanceLayerProperties(count, null), "vkEnumerateInstanceLayerProperties");
        VkLayerProperties.Buffer layers = VkLayerProperties.malloc(count.get(0), stack);
        Vk.check(vkEnumerateInstanceLayerProperties(count, layers), "vkEnumerateInstanceLayerProperties");
        Set<String> names = new HashSet<>();
        layers.forEach(layer -> names.add(layer.layerNameString()));
        return names.contains(name);
    }

    private static boolean hasExtension(MemoryStack stack, String name) {
        IntBuffer count = stack.mallocInt(1);
        Vk.check(vkEnumerateInstanceExtensionProperties((String) null, count, null),
                "vkEnumerateInstanceExtensionProperties");
        VkExtensionProperties.Buffer extensions = VkExtensionProperties.malloc(count.get(0), stack);
        Vk.check(vkEnumerateInstanceExtensionProperties((String) null, count, extensions),
                "vkEnumerateInstanceExtensionProperties");
        Set<String> names = new HashSet<>();
        extensions.forEach(extension -> names.add(extension.extensionNameString()));
        return names.contains(name);
    }

    /** The physical devices in the loader's order. */
    public List<VkPhysicalDevice> physicalDevices() {
        try (MemoryStack stack = stackPush()) {
            IntBuffer count = stack.mallocInt(1);
            Vk.check(vkEnumeratePhysicalDevices(instance, count, null), "vkEnumeratePhysicalDevices");
            PointerBuffer handles = stack.mallocPointer(count.get(0));
            Vk.check(vkEnumeratePhysicalDevices(instance, count, handles), "vkEnumeratePhysicalDevices");
            List<VkPhysicalDevice> devices = new ArrayList<>();
            for (int i = 0; i < handles.capacity(); i++) {
                devices.add(new VkPhysicalDevice(handles.get(i), instance));
            }
            return devices;
        }
    }

    /** Whether the validation layer is enabled (asked for and installed). */
    public boolean validation() {
        return validation;
    }

    /** The LWJGL handle. */
    public VkInstance handle() {
        return instance;
    }

    @Override
    public void close() {
        if (messenger != VK_NULL_HANDLE) {
            vkDestroyDebugUtilsMessengerEXT(instance, messenger, null);
            callback.free();
        }
        vkDestroyInstance(instance, null);
    }
}
