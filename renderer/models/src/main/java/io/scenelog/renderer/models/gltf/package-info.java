/**
 * glTF 2.0 decoding: {@link io.scenelog.renderer.models.gltf.GltfLoader} turns a GLB or a stored .gltf package into
 * a {@link io.scenelog.renderer.models.gltf.GltfModel}, within {@link io.scenelog.renderer.models.gltf.GltfLimits}.
 * See the module's README for what of glTF 2.0 is supported.
 */
package io.scenelog.renderer.models.gltf;
