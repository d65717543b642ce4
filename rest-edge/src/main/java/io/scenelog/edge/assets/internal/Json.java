package io.scenelog.edge.assets.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenelog.edge.assets.AssetRejectedException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Typed reads of glTF properties that reject wrong types and ranges with the property's JSON pointer, so every
 * check downstream works with plain numbers it can trust.
 */
final class Json {

    private static final int MAX_SHOWN = 40;

    private Json() {
    }

    /** The pointer of a property or array element below a pointer, escaped as RFC 6901 asks. */
    static String child(String pointer, Object token) {
        return pointer + "/" + token.toString().replace("~", "~0").replace("/", "~1");
    }

    /** An optional array of objects; absent is empty. */
    static List<JsonNode> objects(JsonNode parent, String field, String pointer) {
        JsonNode array = parent.get(field);
        if (array == null) {
            return List.of();
        }
        String at = child(pointer, field);
        if (!array.isArray()) {
            throw invalid(at, "must be an array", array);
        }
        List<JsonNode> items = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            if (!array.get(i).isObject()) {
                throw invalid(child(at, i), "must be an object", array.get(i));
            }
            items.add(array.get(i));
        }
        return items;
    }

    /** An optional object; null when absent. */
    static JsonNode object(JsonNode parent, String field, String pointer) {
        JsonNode value = parent.get(field);
        if (value != null && !value.isObject()) {
            throw invalid(child(pointer, field), "must be an object", value);
        }
        return value;
    }

    /** A required object. */
    static JsonNode requiredObject(JsonNode parent, String field, String pointer) {
        JsonNode value = object(parent, field, pointer);
        if (value == null) {
            throw missing(parent, field, pointer);
        }
        return value;
    }

    /** An optional string. */
    static Optional<String> text(JsonNode parent, String field, String pointer) {
        JsonNode value = parent.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw invalid(child(pointer, field), "must be a string", value);
        }
        return Optional.of(value.textValue());
    }

    /** An optional integer within min..max. */
    static OptionalLong integer(JsonNode parent, String field, String pointer, long min, long max) {
        JsonNode value = parent.get(field);
        if (value == null) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(integerValue(value, child(pointer, field), min, max));
    }

    /** A required integer within min..max. */
    static long requiredInteger(JsonNode parent, String field, String pointer, long min, long max) {
        if (!parent.has(field)) {
            throw missing(parent, field, pointer);
        }
        return integer(parent, field, pointer, min, max).getAsLong();
    }

    /** An integer array element or value within min..max. */
    static long integerValue(JsonNode value, String at, long min, long max) {
        Long exact = exactLong(value);
        if (exact == null || exact < min || exact > max) {
            String range = max == Long.MAX_VALUE ? "an integer of at least " + min
                    : "an integer from " + min + " to " + max;
            throw invalid(at, "must be " + range, value);
        }
        return exact;
    }

    /** An optional index into an array of size entries, named target. */
    static OptionalInt reference(JsonNode parent, String field, String pointer, int size, String target) {
        JsonNode value = parent.get(field);
        if (value == null) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(referenceValue(value, child(pointer, field), size, target));
    }

    /** A required index into an array of size entries, named target. */
    static int requiredReference(JsonNode parent, String field, String pointer, int size, String target) {
        if (!parent.has(field)) {
            throw missing(parent, field, pointer);
        }
        return reference(parent, field, pointer, size, target).getAsInt();
    }

    /** An optional array of indices (absent is empty). */
    static List<Integer> references(JsonNode parent, String field, String pointer, int size, String target) {
        JsonNode array = parent.get(field);
        if (array == null) {
            return List.of();
        }
        String at = child(pointer, field);
        if (!array.isArray()) {
            throw invalid(at, "must be an array of " + target + " indices", array);
        }
        List<Integer> indices = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            indices.add(referenceValue(array.get(i), child(at, i), size, target));
        }
        return indices;
    }

    /** An index value into an array of size entries, named target. */
    static int referenceValue(JsonNode value, String at, int size, String target) {
        long index = integerValue(value, at, 0, Integer.MAX_VALUE);
        if (index >= size) {
            String have = size == 0 ? "the file has no " + target + "s"
                    : "the file has only " + size + " " + target + (size == 1 ? " (" : "s (") + "0 to " + (size - 1)
                    + ")";
            throw Rule.REFERENCE_OUT_OF_RANGE.at(at, at + " refers to " + target + " " + index + ", but " + have
                    + ".");
        }
        return (int) index;
    }

    static AssetRejectedException missing(JsonNode parent, String field, String pointer) {
        return Rule.PROPERTY_MISSING.at(child(pointer, field), "The required property '" + field + "' is missing at "
                + (pointer.isEmpty() ? "the top level" : pointer) + ".");
    }

    static AssetRejectedException invalid(String at, String expectation, JsonNode value) {
        String shown = value.toString();
        if (shown.length() > MAX_SHOWN) {
            shown = shown.substring(0, MAX_SHOWN) + "…";
        }
        return Rule.PROPERTY_INVALID.at(at, at + " " + expectation + ", but is " + shown + ".");
    }

    private static Long exactLong(JsonNode value) {
        if (value.isIntegralNumber()) {
            return value.canConvertToLong() ? value.longValue() : null;
        }
        if (value.isNumber()) {
            BigDecimal decimal = value.decimalValue();
            try {
                return decimal.longValueExact();
            } catch (ArithmeticException notWhole) {
                return null;
            }
        }
        return null;
    }
}
