/**
 * RenderLink: the internal, length-prefixed link between Livelink bridges and session renderers that carries
 * Livelink frames per client (video one way; configure, input, pick queries and key-frame requests the other).
 */
package io.scenelog.schemas.renderlink;
