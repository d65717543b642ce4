package io.scenelog.renderer.vulkan;

/**
 * Vulkan cannot be used on this machine: no loader library, no driver (ICD), or no device that can draw. Not
 * retryable: the machine needs packages or a GPU driver installed.
 */
public final class VulkanUnavailableException extends RuntimeException {

    /** What to install on Debian or Ubuntu for the software renderer. */
    public static final String INSTALL_HINT = "install the Vulkan loader and a driver, e.g. on Debian/Ubuntu "
            + "`apt-get install libvulkan1 mesa-vulkan-drivers` (Mesa lavapipe, a CPU renderer), or the GPU "
            + "vendor's driver";

    public VulkanUnavailableException(String reason, Throwable cause) {
        super(reason + ": " + INSTALL_HINT, cause);
    }

    public VulkanUnavailableException(String reason) {
        super(reason + ": " + INSTALL_HINT);
    }
}
