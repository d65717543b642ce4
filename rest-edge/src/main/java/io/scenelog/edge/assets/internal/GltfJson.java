package io.scenelog.edge.assets.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import java.io.IOException;
import java.io.InputStream;

/**
 * Parses and writes glTF JSON. Strict where leniency would let two readers see two documents (duplicate keys,
 * trailing content) and exact where a rewrite must not change numbers (decimals stay as written).
 */
public final class GltfJson {

    private static final int MAX_NESTING = 128;

    private final ObjectMapper mapper;

    /**
     * @param maxStringBytes the longest string (such as a {@code data:} URI) the parser accepts
     */
    public GltfJson(long maxStringBytes) {
        JsonFactory factory = JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength((int) Math.min(maxStringBytes, Integer.MAX_VALUE - 64))
                        .maxNestingDepth(MAX_NESTING)
                        .build())
                .build();
        this.mapper = new ObjectMapper(factory)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
    }

    /**
     * Parses a glTF document, which must be a JSON object.
     *
     * @throws io.scenelog.edge.assets.AssetRejectedException json-malformed, saying where the parser stopped
     */
    public JsonNode parse(InputStream json) throws IOException {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw Rule.JSON_MALFORMED.with("The glTF JSON is not valid JSON" + where + ": " + e.getOriginalMessage()
                    + ".");
        }
        if (root == null || !root.isObject()) {
            throw Rule.JSON_MALFORMED.at("", "The glTF JSON must be an object ({...}).");
        }
        return root;
    }

    /** The document as compact UTF-8 JSON. */
    public byte[] write(JsonNode root) throws IOException {
        return mapper.writeValueAsBytes(root);
    }
}
