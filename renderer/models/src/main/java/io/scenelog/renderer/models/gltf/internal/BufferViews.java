package io.scenelog.renderer.models.gltf.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The buffers and bufferViews of a document, resolved and checked when first used (a model may carry buffers that its
 * default scene never reads). A buffer must hold at least its byteLength; a view must lie inside its buffer.
 */
final class BufferViews {

    /** Largest byteLength accepted: a Java array's bound. */
    private static final long MAX_LENGTH = Integer.MAX_VALUE - 8;

    /**
     * A checked bufferView.
     *
     * @param bytes  its bytes, little-endian, position 0, limit its byteLength
     * @param stride its byteStride, 0 when tightly packed
     */
    record View(int index, ByteBuffer bytes, int stride) {
    }

    private final List<JsonNode> buffers;
    private final List<JsonNode> views;
    private final Optional<ByteBuffer> glbBin;
    private final Resources resources;
    private final Map<Integer, ByteBuffer> resolvedBuffers = new HashMap<>();
    private final Map<Integer, View> checkedViews = new HashMap<>();

    BufferViews(JsonNode root, Optional<ByteBuffer> glbBin, Resources resources) {
        this.buffers = Json.objects(root, "buffers", "document");
        this.views = Json.objects(root, "bufferViews", "document");
        this.glbBin = glbBin;
        this.resources = resources;
    }

    int count() {
        return views.size();
    }

    View view(int index) {
        View view = checkedViews.get(index);
        if (view == null) {
            view = check(index);
            checkedViews.put(index, view);
        }
        return view;
    }

    private View check(int index) {
        String where = "bufferView " + index;
        JsonNode view = views.get(index);
        int buffer = Json.requiredReference(view, "buffer", where, buffers.size(), "buffer");
        long offset = Json.integer(view, "byteOffset", where, 0, MAX_LENGTH, 0);
        long length = Json.requiredInteger(view, "byteLength", where, 1, MAX_LENGTH);
        int stride = (int) Json.integer(view, "byteStride", where, 4, 252, 0);
        if (stride % 4 != 0) {
            throw InvalidGltfException.at(where, "byteStride " + stride + " is not a multiple of 4");
        }
        ByteBuffer data = buffer(buffer);
        if (offset + length > data.limit()) {
            throw InvalidGltfException.at(where, "bytes " + offset + ".." + (offset + length) + " lie past the end"
                    + " of buffer " + buffer + " (" + data.limit() + " bytes)");
        }
        return new View(index, data.slice((int) offset, (int) length).order(ByteOrder.LITTLE_ENDIAN), stride);
    }

    private ByteBuffer buffer(int index) {
        ByteBuffer buffer = resolvedBuffers.get(index);
        if (buffer == null) {
            buffer = resolve(index);
            resolvedBuffers.put(index, buffer);
        }
        return buffer;
    }

    private ByteBuffer resolve(int index) {
        String where = "buffer " + index;
        JsonNode buffer = buffers.get(index);
        long length = Json.requiredInteger(buffer, "byteLength", where, 1, MAX_LENGTH);
        Optional<String> uri = Json.text(buffer, "uri", where);
        ByteBuffer data;
        if (uri.isPresent()) {
            data = ByteBuffer.wrap(resources.resolve(uri.get(), where).bytes());
        } else if (index == 0 && glbBin.isPresent()) {
            data = glbBin.get();
        } else {
            throw InvalidGltfException.at(where, "has no uri and is not the GLB's BIN chunk");
        }
        // The BIN chunk may be padded by up to 3 bytes, so a buffer may be longer than its byteLength, never shorter.
        if (data.limit() < length) {
            throw InvalidGltfException.at(where, "declares " + length + " bytes but holds only " + data.limit());
        }
        return data.slice(0, (int) length).order(ByteOrder.LITTLE_ENDIAN);
    }
}
