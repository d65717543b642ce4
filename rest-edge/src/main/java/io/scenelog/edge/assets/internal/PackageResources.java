package io.scenelog.edge.assets.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A package's buffers and images are its own files (or {@code data:} URIs); every buffer needs a uri. */
public final class PackageResources extends Resources {

    private final PackageFiles files;

    public PackageResources(PackageFiles files, long dataBudget) {
        super(dataBudget);
        this.files = files;
    }

    @Override
    protected BinarySource external(String uri, String pointer) throws IOException {
        Path file = files.locate(uri, pointer);
        return BinarySource.of(file, 0, Files.size(file));
    }

    @Override
    protected BinarySource withoutUri(int index, long byteLength, String pointer) {
        throw Rule.PROPERTY_MISSING.at(pointer + "/uri", "Buffer " + index + " has no uri; outside a GLB every"
                + " buffer needs one (at " + pointer + ").");
    }
}
