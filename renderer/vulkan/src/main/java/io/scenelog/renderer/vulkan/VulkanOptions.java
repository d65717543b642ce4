package io.scenelog.renderer.vulkan;

import java.util.Map;
import java.util.OptionalInt;

/**
 * How a {@link VulkanFrameRenderer} starts.
 *
 * @param validation     enable the Khronos validation layer (a debugging aid: slow; logged as warnings when the
 *                       layer is not installed)
 * @param deviceIndex    use this device of {@link VulkanDevices#list()} instead of the best by type
 * @param maxFrameWidth  the widest frame {@code render} accepts (also bounded by the device)
 * @param maxFrameHeight the tallest frame {@code render} accepts (also bounded by the device)
 * @param cacheBytes     how many bytes of meshes and textures stay uploaded on the device before the least
 *                       recently used are freed
 */
public record VulkanOptions(boolean validation, OptionalInt deviceIndex, int maxFrameWidth, int maxFrameHeight,
        long cacheBytes) {

    /** The environment variable that switches validation on ("1" or "true"). */
    public static final String VALIDATION_ENV = "SCENELOG_VULKAN_VALIDATION";
    /** Frames up to 4K UHD by default. */
    public static final int DEFAULT_MAX_WIDTH = 3840;
    /** Frames up to 4K UHD by default. */
    public static final int DEFAULT_MAX_HEIGHT = 2160;
    /** 256 MiB of meshes and textures by default. */
    public static final long DEFAULT_CACHE_BYTES = 256L << 20;

    /** @throws IllegalArgumentException when a bound is not positive or the device index is negative */
    public VulkanOptions {
        deviceIndex = deviceIndex == null ? OptionalInt.empty() : deviceIndex;
        if (deviceIndex.isPresent() && deviceIndex.getAsInt() < 0) {
            throw new IllegalArgumentException("deviceIndex must be 0 or more, got " + deviceIndex.getAsInt());
        }
        if (maxFrameWidth < 1 || maxFrameHeight < 1) {
            throw new IllegalArgumentException("maxFrameWidth and maxFrameHeight must be positive, got "
                    + maxFrameWidth + "x" + maxFrameHeight);
        }
        if (cacheBytes < 1) {
            throw new IllegalArgumentException("cacheBytes must be positive, got " + cacheBytes);
        }
    }

    /** The defaults: best device by type, validation only when {@value #VALIDATION_ENV} says so. */
    public static VulkanOptions defaults() {
        return fromEnvironment(System.getenv());
    }

    /** The defaults with validation read from this environment. */
    public static VulkanOptions fromEnvironment(Map<String, String> environment) {
        String value = environment.getOrDefault(VALIDATION_ENV, "").trim();
        boolean validation = value.equals("1") || value.equalsIgnoreCase("true");
        return new VulkanOptions(validation, OptionalInt.empty(), DEFAULT_MAX_WIDTH, DEFAULT_MAX_HEIGHT,
                DEFAULT_CACHE_BYTES);
    }

    /** These options with validation on or off. */
    public VulkanOptions withValidation(boolean enabled) {
        return new VulkanOptions(enabled, deviceIndex, maxFrameWidth, maxFrameHeight, cacheBytes);
    }

    /** These options using the device at this index of {@link VulkanDevices#list()}. */
    public VulkanOptions withDeviceIndex(int index) {
        return new VulkanOptions(validation, OptionalInt.of(index), maxFrameWidth, maxFrameHeight, cacheBytes);
    }

    /** These options with another bound on the frame size. */
    public VulkanOptions withMaxFrameSize(int width, int height) {
        return new VulkanOptions(validation, deviceIndex, width, height, cacheBytes);
    }

    /** These options with another bound on uploaded meshes and textures. */
    public VulkanOptions withCacheBytes(long bytes) {
        return new VulkanOptions(validation, deviceIndex, maxFrameWidth, maxFrameHeight, bytes);
    }
}
