/** How a renderer obtains asset blobs by content hash. */
package io.scenelog.renderer.asset;
