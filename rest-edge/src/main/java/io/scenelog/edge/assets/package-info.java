/**
 * Asset ingest: turns an untrusted upload (a binary glTF, a zipped glTF package, a PNG or a JPEG) into validated,
 * content-addressed blobs and the facts the {@code assets} topic records about them.
 *
 * <p>{@link io.scenelog.edge.assets.AssetIngestor} is the entry point; {@link io.scenelog.edge.assets.BlobStore}
 * keeps the bytes under server-generated names; a rejected upload is an
 * {@link io.scenelog.edge.assets.AssetRejectedException} with a stable rule name. Nothing here speaks HTTP or Kafka:
 * the REST routes and the topic writer wrap it.
 */
package io.scenelog.edge.assets;
