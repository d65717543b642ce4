/** The node cache's layers, directory layout and locking; not an API. */
package io.scenelog.nodecache.internal;
