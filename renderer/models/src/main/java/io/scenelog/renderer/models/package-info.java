/**
 * Turns entities' mesh and material components into drawable parts: {@link io.scenelog.renderer.models.PrimitiveMeshes}
 * for the built-in shapes, {@link io.scenelog.renderer.models.AssetModelSource} for everything (glTF assets fetched
 * through an {@link io.scenelog.renderer.asset.AssetSource}, decoded by
 * {@link io.scenelog.renderer.models.gltf.GltfLoader}, and cached). Picking lives in
 * {@link io.scenelog.renderer.models.pick}.
 */
package io.scenelog.renderer.models;
