/** Implementation of the models module: mesh generation, caches, image decoding. Not an API. */
package io.scenelog.renderer.models.internal;
