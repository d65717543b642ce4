package io.scenelog.renderer.models.gltf.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Typed reads of glTF JSON that trust nothing: a property of the wrong type, out of range or naming a missing element
 * fails with the place ({@code where}, e.g. "accessor 3") and the property in the message.
 */
final class Json {

    private Json() {
    }

    /** The elements of an optional array of objects (empty when absent). */
    static List<JsonNode> objects(JsonNode parent, String field, String where) {
        JsonNode array = parent.get(field);
        if (array == null) {
            return List.of();
        }
        if (!array.isArray()) {
            throw InvalidGltfException.at(where, field + " must be an array, got " + brief(array));
        }
        List<JsonNode> elements = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            if (!array.get(i).isObject()) {
                throw InvalidGltfException.at(where, field + "[" + i + "] must be an object, got "
                        + brief(array.get(i)));
            }
            elements.add(array.get(i));
        }
        return elements;
    }

    /** An optional object property. */
    static Optional<JsonNode> object(JsonNode parent, String field, String where) {
        JsonNode value = parent.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isObject()) {
            throw InvalidGltfException.at(where, field + " must be an object, got " + brief(value));
        }
        return Optional.of(value);
    }

    /** An optional reference to element 0..size-1 of the array named {@code what}. */
    static OptionalInt reference(JsonNode parent, String field, String where, int size, String what) {
        JsonNode value = parent.get(field);
        if (value == null) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(referenceValue(value, where.isEmpty() ? field : where + " " + field, size, what));
    }

    /** A required reference. */
    static int requiredReference(JsonNode parent, String field, String where, int size, String what) {
        return reference(parent, field, where, size, what)
                .orElseThrow(() -> InvalidGltfException.at(where, "has no " + field));
    }

    /** A reference given as a bare value (e.g. an attribute's accessor or a child node). */
    static int referenceValue(JsonNode value, String where, int size, String what) {
        if (!value.canConvertToExactIntegral() || !value.canConvertToInt()) {
            throw InvalidGltfException.at(where, "must be the index of a " + what + ", got " + brief(value));
        }
        int index = value.asInt();
        if (index < 0 || index >= size) {
            throw InvalidGltfException.at(where, "names " + what + " " + index + ", but there "
                    + (size == 1 ? "is 1 " + what : "are " + size + " " + what + "s"));
        }
        return index;
    }

    /** An optional integer property in min..max. */
    static long integer(JsonNode parent, String field, String where, long min, long max, long fallback) {
        JsonNode value = parent.get(field);
        if (value == null) {
            return fallback;
        }
        if (!value.canConvertToExactIntegral() || !value.canConvertToLong() || value.asLong() < min
                || value.asLong() > max) {
            throw InvalidGltfException.at(where, field + " must be an integer from " + min + " to " + max + ", got "
                    + brief(value));
        }
        return value.asLong();
    }

    /** A required integer property in min..max. */
    static long requiredInteger(JsonNode parent, String field, String where, long min, long max) {
        if (!parent.has(field)) {
            throw InvalidGltfException.at(where, "has no " + field);
        }
        return integer(parent, field, where, min, max, 0);
    }

    /** An optional number property in min..max. */
    static float number(JsonNode parent, String field, String where, float min, float max, float fallback) {
        JsonNode value = parent.get(field);
        if (value == null) {
            return fallback;
        }
        if (!value.isNumber() || !(value.floatValue() >= min && value.floatValue() <= max)) {
            throw InvalidGltfException.at(where, field + " must be a number from " + min + " to " + max + ", got "
                    + brief(value));
        }
        return value.floatValue();
    }

    /** An optional array of exactly {@code length} finite numbers, or null when absent. */
    static float[] numbers(JsonNode parent, String field, String where, int length) {
        JsonNode value = parent.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isArray() || value.size() != length) {
            throw InvalidGltfException.at(where, field + " must be an array of " + length + " numbers, got "
                    + brief(value));
        }
        float[] numbers = new float[length];
        for (int i = 0; i < length; i++) {
            JsonNode element = value.get(i);
            if (!element.isNumber() || !Float.isFinite(element.floatValue())) {
                throw InvalidGltfException.at(where, field + "[" + i + "] must be a finite number, got "
                        + brief(element));
            }
            numbers[i] = element.floatValue();
        }
        return numbers;
    }

    /** An optional string property. */
    static Optional<String> text(JsonNode parent, String field, String where) {
        JsonNode value = parent.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw InvalidGltfException.at(where, field + " must be a string, got " + brief(value));
        }
        return Optional.of(value.asText());
    }

    /** A value for a message: short, so a huge or hostile value cannot flood a log line. */
    static String brief(JsonNode value) {
        String text = value.toString();
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
