/** Implementation of glTF decoding: container, JSON, buffers, accessors, meshes, materials, nodes. Not an API. */
package io.scenelog.renderer.models.gltf.internal;
