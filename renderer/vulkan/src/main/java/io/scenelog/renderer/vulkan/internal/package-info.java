/**
 * The Vulkan implementation: one small {@link java.lang.AutoCloseable} class per Vulkan object, created under a
 * {@link org.lwjgl.system.MemoryStack} and closed in reverse order by its owner, and the frame recording on top.
 */
package io.scenelog.renderer.vulkan.internal;
