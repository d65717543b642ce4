package io.scenelog.renderer.node.internal;

import io.scenelog.renderer.vulkan.VulkanDeviceInfo;
import io.scenelog.renderer.vulkan.VulkanDevices;
import io.scenelog.renderer.vulkan.VulkanUnavailableException;
import java.util.List;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Vulkan device this node's renderers draw with, as heartbeats report it (NodeStatus.device). */
public final class NodeDevice {

    private static final Logger LOG = LoggerFactory.getLogger(NodeDevice.class);

    private NodeDevice() {
    }

    /**
     * The device the renderers will pick (a GPU first, else the CPU), e.g. "llvmpipe (CPU)"; when Vulkan is
     * unavailable, says so — the node still announces itself, and its renderers report why they cannot start.
     */
    public static String describe() {
        try {
            List<VulkanDeviceInfo> devices = VulkanDevices.list();
            VulkanDeviceInfo chosen = VulkanDevices.preferred(devices, OptionalInt.empty());
            return chosen.name() + " (" + chosen.type() + ")";
        } catch (VulkanUnavailableException | IllegalStateException e) {
            LOG.error("This node has no usable Vulkan device, so its renderers cannot draw: {}", e.getMessage());
            return "unavailable: " + e.getMessage();
        }
    }
}
