/**
 * The node-local asset cache shared by every renderer process of a render node: {@link
 * io.scenelog.nodecache.NodeCache#open(NodeCacheSettings)} gives an {@link io.scenelog.nodecache.AssetCache}.
 */
package io.scenelog.nodecache;
