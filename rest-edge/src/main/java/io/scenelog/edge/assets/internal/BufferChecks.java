package io.scenelog.edge.assets.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Buffers resolve to bytes of exactly their declared length, and bufferViews stay inside their buffer. */
final class BufferChecks {

    /** Offsets and lengths up to 2^53, the integers JSON numbers hold exactly; sums of two never overflow. */
    static final long MAX_BYTES = 1L << 53;

    private static final int MIN_STRIDE = 4;
    private static final int MAX_STRIDE = 252;

    /** A bufferView with the bytes it covers. */
    record View(int buffer, long offset, long length, int stride, BinarySource source) {
    }

    private BufferChecks() {
    }

    static List<BinarySource> buffers(GltfDocument doc, Resources resources) throws IOException {
        List<BinarySource> sources = new ArrayList<>();
        for (int i = 0; i < doc.buffers().size(); i++) {
            JsonNode buffer = doc.buffers().get(i);
            String at = GltfDocument.at("buffers", i);
            long byteLength = Json.requiredInteger(buffer, "byteLength", at, 1, MAX_BYTES);
            sources.add(resources.buffer(i, Json.text(buffer, "uri", at), byteLength, at));
        }
        return sources;
    }

    static List<View> views(GltfDocument doc, List<BinarySource> buffers) {
        List<View> views = new ArrayList<>();
        for (int i = 0; i < doc.bufferViews().size(); i++) {
            JsonNode view = doc.bufferViews().get(i);
            String at = GltfDocument.at("bufferViews", i);
            int buffer = Json.requiredReference(view, "buffer", at, buffers.size(), "buffer");
            long offset = Json.integer(view, "byteOffset", at, 0, MAX_BYTES).orElse(0);
            long length = Json.requiredInteger(view, "byteLength", at, 1, MAX_BYTES);
            int stride = (int) Json.integer(view, "byteStride", at, MIN_STRIDE, MAX_STRIDE).orElse(0);
            if (stride % 4 != 0) {
                throw Json.invalid(Json.child(at, "byteStride"), "must be a multiple of 4", view.get("byteStride"));
            }
            long present = buffers.get(buffer).length();
            if (offset + length > present) {
                throw Rule.BUFFER_VIEW_OUT_OF_BOUNDS.at(at, "BufferView " + i + " covers bytes " + offset + " to "
                        + (offset + length) + " of buffer " + buffer + ", which holds only " + present + " bytes (at "
                        + at + ").");
            }
            views.add(new View(buffer, offset, length, stride, buffers.get(buffer).slice(offset, length)));
        }
        return views;
    }
}
