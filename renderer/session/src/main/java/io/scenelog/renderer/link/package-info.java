/**
 * RenderLink's server side: the frame endpoint a session's renderer offers to Livelink bridges. A bridge
 * authenticates with a service token, then relays its clients' configure, input, query and key-frame requests; the
 * server routes each client's video and answers to the connection that configured it last, with a bounded send queue
 * per connection that drops video, never memory, when a bridge falls behind.
 */
package io.scenelog.renderer.link;
