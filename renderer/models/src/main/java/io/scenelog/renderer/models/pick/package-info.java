/**
 * Picking: which entity is under a point of a viewport ({@link io.scenelog.renderer.models.pick.Picker}), by casting
 * the camera's ray against the triangles of a {@link io.scenelog.renderer.draw.DrawScene}.
 */
package io.scenelog.renderer.models.pick;
