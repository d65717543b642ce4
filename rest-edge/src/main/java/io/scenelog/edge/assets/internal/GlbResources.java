package io.scenelog.edge.assets.internal;

import java.util.Optional;

/** A GLB is self-contained: its buffers are its BIN chunk (buffer 0 without uri) or {@code data:} URIs. */
public final class GlbResources extends Resources {

    private static final int MAX_PADDING = 3;

    private final Optional<BinarySource> bin;

    public GlbResources(Optional<BinarySource> bin, long dataBudget) {
        super(dataBudget);
        this.bin = bin;
    }

    @Override
    protected BinarySource external(String uri, String pointer) {
        UriPolicy.resolve("", uri, pointer);
        throw Rule.EXTERNAL_URI_IN_GLB.at(pointer, "The URI " + UriPolicy.shown(uri) + " at " + pointer
                + " refers to a file outside the GLB; a .glb upload must be self-contained (embed the data, or"
                + " upload a zip holding the .gltf with its files).");
    }

    @Override
    protected BinarySource withoutUri(int index, long byteLength, String pointer) {
        if (index != 0) {
            throw Rule.GLB_MISSING_BIN.at(pointer, "Buffer " + index + " has no uri; in a GLB only buffer 0 may"
                    + " omit it, to mean the BIN chunk (at " + pointer + ").");
        }
        BinarySource chunk = bin.orElseThrow(() -> Rule.GLB_MISSING_BIN.at(pointer, "Buffer 0 has no uri, so it"
                + " means the BIN chunk, but the GLB has no BIN chunk (at " + pointer + ")."));
        if (chunk.length() < byteLength || chunk.length() > byteLength + MAX_PADDING) {
            throw Rule.BUFFER_LENGTH_MISMATCH.at(pointer, "Buffer 0 declares byteLength " + byteLength
                    + " but the GLB's BIN chunk holds " + chunk.length() + " bytes (at " + pointer + ").");
        }
        return chunk.slice(0, byteLength);
    }
}
