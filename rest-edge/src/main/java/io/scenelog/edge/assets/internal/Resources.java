package io.scenelog.edge.assets.internal;

import java.io.IOException;
import java.util.Optional;

/**
 * Where the URIs of a glTF lead. The two containers differ only here: a GLB may use its BIN chunk and
 * {@code data:} URIs, a package also its own files. {@code data:} URIs are decoded the same way for both.
 */
public abstract class Resources {

    private final DataUris dataUris;

    /**
     * @param dataBudget how many bytes the data: URIs of the document may decode to in total
     */
    protected Resources(long dataBudget) {
        this.dataUris = new DataUris(dataBudget);
    }

    /** The bytes of a buffer, checked to be exactly as long as it declares (a BIN chunk may carry padding). */
    public final BinarySource buffer(int index, Optional<String> uri, long byteLength, String pointer)
            throws IOException {
        if (uri.isEmpty()) {
            return withoutUri(index, byteLength, pointer);
        }
        BinarySource source = resolve(uri.get(), pointer + "/uri");
        if (source.length() != byteLength) {
            throw Rule.BUFFER_LENGTH_MISMATCH.at(pointer, "Buffer " + index + " declares byteLength " + byteLength
                    + " but its uri " + UriPolicy.shown(uri.get()) + " provides " + source.length() + " bytes (at "
                    + pointer + ").");
        }
        return source;
    }

    /** The bytes an image's uri leads to. */
    public final BinarySource image(String uri, String pointer) throws IOException {
        return resolve(uri, pointer);
    }

    private BinarySource resolve(String uri, String pointer) throws IOException {
        return DataUris.isData(uri) ? dataUris.decode(uri, pointer) : external(uri, pointer);
    }

    /** The bytes a relative URI leads to, or the rejection of it. */
    protected abstract BinarySource external(String uri, String pointer) throws IOException;

    /** The bytes of a buffer without uri, or the rejection of it. */
    protected abstract BinarySource withoutUri(int index, long byteLength, String pointer);
}
