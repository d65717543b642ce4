/** Implementation of picking: rays, bounding spheres, triangle tests. Not an API. */
package io.scenelog.renderer.models.pick.internal;
