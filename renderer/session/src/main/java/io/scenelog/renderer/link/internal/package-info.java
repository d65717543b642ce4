/** The RenderLink server's connections, handshake, routes and send queues. */
package io.scenelog.renderer.link.internal;
