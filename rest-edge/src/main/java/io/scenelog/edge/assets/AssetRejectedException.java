package io.scenelog.edge.assets;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An upload refused because of what it contains: an expected outcome for untrusted input, not a server fault. The
 * message says what is wrong and where in words a user can act on; {@link #details()} carries the same facts for
 * programs: always a {@code rule}, and where it applies a {@code pointer} (a JSON pointer into the glTF, such as
 * {@code /accessors/3}), an {@code entry} (a zip entry name), a {@code limit} or an {@code offset}.
 *
 * <p>Rule names are stable: clients may match on them. Append only.
 * <table>
 * <caption>Rules by problem</caption>
 * <tr><th>problem</th><th>rule</th><th>meaning</th></tr>
 * <tr><td>PAYLOAD_TOO_LARGE</td><td>upload-too-large</td><td>the upload is over {@code maxUploadBytes}</td></tr>
 * <tr><td></td><td>unpacked-too-large</td><td>a zip inflates, or a glTF's {@code data:} URIs decode, to more than
 *     {@code maxUnpackedBytes}</td></tr>
 * <tr><td></td><td>too-many-entries</td><td>a zip holds more than {@code maxEntries} entries</td></tr>
 * <tr><td>UNSUPPORTED_MEDIA_TYPE</td><td>unknown-format</td><td>not a GLB, zip, PNG or JPEG by its first
 *     bytes</td></tr>
 * <tr><td>INVALID_ASSET</td><td>glb-truncated</td><td>the GLB ends inside its header or a chunk</td></tr>
 * <tr><td></td><td>glb-version</td><td>the GLB container version is not 2</td></tr>
 * <tr><td></td><td>glb-length-mismatch</td><td>the GLB header's length is not the file's length</td></tr>
 * <tr><td></td><td>glb-chunk-misaligned</td><td>a chunk length is not a multiple of 4</td></tr>
 * <tr><td></td><td>glb-chunk-order</td><td>the first chunk is not JSON, or JSON or BIN appears twice</td></tr>
 * <tr><td></td><td>glb-missing-bin</td><td>a buffer without uri in a GLB that has no BIN chunk (or not buffer
 *     0)</td></tr>
 * <tr><td></td><td>zip-malformed</td><td>the zip cannot be read</td></tr>
 * <tr><td></td><td>unsafe-entry-name</td><td>a zip entry name with {@code ..}, an absolute path, a backslash, a
 *     drive letter or control characters</td></tr>
 * <tr><td></td><td>duplicate-entry</td><td>two zip entries with the same name</td></tr>
 * <tr><td></td><td>package-gltf-missing</td><td>a zip with no {@code .gltf} file</td></tr>
 * <tr><td></td><td>package-gltf-ambiguous</td><td>a zip with more than one {@code .gltf} file</td></tr>
 * <tr><td></td><td>json-malformed</td><td>the glTF JSON does not parse, has duplicate keys or is not an
 *     object</td></tr>
 * <tr><td></td><td>property-missing</td><td>a required glTF property is absent</td></tr>
 * <tr><td></td><td>property-invalid</td><td>a glTF property has the wrong type or a value out of range</td></tr>
 * <tr><td></td><td>asset-version</td><td>{@code asset.version} is not 2.x</td></tr>
 * <tr><td></td><td>uri-unsafe</td><td>a URI is absolute, has a scheme other than {@code data:}, a backslash or
 *     a query, or leaves the package (also through percent-escapes)</td></tr>
 * <tr><td></td><td>uri-not-found</td><td>a relative URI names no file of the package</td></tr>
 * <tr><td></td><td>external-uri-in-glb</td><td>a GLB refers to a file outside itself</td></tr>
 * <tr><td></td><td>data-uri-malformed</td><td>a {@code data:} URI that is not valid base64</td></tr>
 * <tr><td></td><td>buffer-length-mismatch</td><td>a buffer's bytes are not {@code byteLength} long</td></tr>
 * <tr><td></td><td>buffer-view-out-of-bounds</td><td>a bufferView reaches past its buffer</td></tr>
 * <tr><td></td><td>accessor-out-of-bounds</td><td>an accessor (or its sparse part) reaches past its
 *     bufferView</td></tr>
 * <tr><td></td><td>accessor-misaligned</td><td>an accessor's offset is not a multiple of its component size, or
 *     its stride is smaller than an element</td></tr>
 * <tr><td></td><td>accessor-type-mismatch</td><td>an accessor used where its type cannot be (indices not
 *     unsigned SCALAR, POSITION not float VEC3)</td></tr>
 * <tr><td></td><td>attribute-count-mismatch</td><td>the attributes of one primitive differ in count</td></tr>
 * <tr><td></td><td>index-value-out-of-range</td><td>a vertex index past the vertices, or a sparse index past the
 *     accessor or not increasing</td></tr>
 * <tr><td></td><td>reference-out-of-range</td><td>an index into another array that does not exist</td></tr>
 * <tr><td></td><td>node-cycle</td><td>nodes that are their own ancestors</td></tr>
 * <tr><td></td><td>node-hierarchy</td><td>a node with two parents or twice in one list, or a scene root that is
 *     someone's child</td></tr>
 * <tr><td></td><td>image-mime-type</td><td>an embedded image without {@code image/png} or {@code image/jpeg},
 *     or whose bytes are of the other type</td></tr>
 * <tr><td></td><td>image-format</td><td>an image of a glTF that is neither PNG nor JPEG</td></tr>
 * <tr><td></td><td>png-malformed</td><td>a PNG without a valid IHDR chunk</td></tr>
 * <tr><td></td><td>jpeg-malformed</td><td>a JPEG without SOI or without a frame (SOF) header</td></tr>
 * <tr><td></td><td>image-dimensions</td><td>an image narrower or lower than 1 or wider or higher than 16384
 *     pixels</td></tr>
 * </table>
 */
public final class AssetRejectedException extends RuntimeException {

    private final AssetProblem problem;
    private final Map<String, Object> details;

    /**
     * @param problem the kind of refusal
     * @param rule the stable rule name (see the class comment)
     * @param message what is wrong and where, for a user
     * @param details further facts for programs (pointer, entry, limit, ...); {@code rule} is added first
     */
    public AssetRejectedException(AssetProblem problem, String rule, String message, Map<String, ?> details) {
        super(message);
        this.problem = Objects.requireNonNull(problem, "problem");
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("rule", Objects.requireNonNull(rule, "rule"));
        Objects.requireNonNull(details, "details").forEach((key, value) -> {
            if (value != null && !"rule".equals(key)) {
                all.put(key, value);
            }
        });
        this.details = Collections.unmodifiableMap(all);
    }

    /** Which limit or check refused the upload. */
    public AssetProblem problem() {
        return problem;
    }

    /** The stable rule name, also {@code details().get("rule")}. */
    public String rule() {
        return (String) details.get("rule");
    }

    /** The rule and where it applies; values are strings and numbers, ready to serialise. */
    public Map<String, Object> details() {
        return details;
    }
}
