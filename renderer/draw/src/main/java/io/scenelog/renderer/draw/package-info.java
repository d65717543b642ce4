/**
 * What a frame draws, as plain data: the contract between the scene side (replica, glTF, primitives) that builds a
 * {@link io.scenelog.renderer.draw.DrawScene} and the GPU side ({@link io.scenelog.renderer.draw.FrameRenderer},
 * Vulkan) that draws it. Nothing here knows Kafka or Vulkan.
 */
package io.scenelog.renderer.draw;
