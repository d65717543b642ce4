/**
 * Offscreen Vulkan rendering through LWJGL: {@link io.scenelog.renderer.vulkan.VulkanFrameRenderer} draws
 * {@link io.scenelog.renderer.draw.DrawScene}s into frames in host memory on a GPU or on Mesa's lavapipe,
 * {@link io.scenelog.renderer.vulkan.VulkanDevices} lists what the machine offers. Everything else lives under
 * {@code internal}.
 */
package io.scenelog.renderer.vulkan;
