package io.scenelog.edge.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Strict readers for request bodies held as Jackson trees. The REST contract rejects what it does not understand
 * (unknown fields, numbers sent as strings, UUIDs in odd spellings) rather than guessing, so every reader here
 * checks the JSON type and the bounds and throws {@link JsonFieldException} naming the field by its dotted path.
 *
 * <p>Conventions shared by all readers: {@code node} is the value at {@code path}, as returned by
 * {@link JsonNode#get(String)}. A Java {@code null} or a missing node means the field is absent, which the
 * required readers report as "is required"; JSON {@code null} is a value of the wrong type for them. The
 * {@code optional…} readers and {@link #optional} treat absent and JSON null alike as "not given".
 */
public final class StrictJson {

    /** Integers above this are not exact in a double, so a floating-point spelling of them is refused. */
    private static final double MAX_EXACT_INTEGER = 9_007_199_254_740_992d;
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern SIMPLE_KEY = Pattern.compile("[A-Za-z0-9_-]+");
    private static final ObjectReader READER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .reader();

    private StrictJson() {
    }

    /**
     * An immutable reader for request bodies that refuses duplicate keys and trailing content, which a plain
     * {@code ObjectMapper} silently accepts (the last duplicate would win, hiding a client's mistake).
     */
    public static ObjectReader reader() {
        return READER;
    }

    /** The path of a field inside the object at {@code path}; the body itself has the empty path. */
    public static String child(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    /** The path of an element of the array at {@code path}. */
    public static String index(String path, int index) {
        return path + "[" + index + "]";
    }

    /** Whether a field is not given: absent from its object, or JSON null. */
    public static boolean isAbsent(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull();
    }

    /**
     * Reads an optional field with any required reader: empty when absent or JSON null, e.g.
     * {@code optional(body.get("ttlSeconds"), "ttlSeconds", (n, p) -> intValue(n, p, 60, 86_400))}.
     */
    public static <T> Optional<T> optional(JsonNode node, String path, BiFunction<JsonNode, String, T> reader) {
        return isAbsent(node) ? Optional.empty() : Optional.of(reader.apply(node, path));
    }

    /**
     * An object with only the {@code allowed} fields and all the {@code required} ones present (a required field
     * that is JSON null passes here and is refused by its typed reader).
     */
    public static ObjectNode object(JsonNode node, String path, Set<String> allowed, Set<String> required) {
        if (node == null || !node.isObject()) {
            throw mismatch(node, path, "an object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new JsonFieldException(childOrQuoted(path, name), label(childOrQuoted(path, name))
                        + " is not a known field; allowed: " + String.join(", ", new TreeSet<>(allowed)));
            }
        }
        for (String name : new TreeSet<>(required)) {
            if (!node.has(name)) {
                throw missing(child(path, name));
            }
        }
        return (ObjectNode) node;
    }

    /** A UUID in its canonical 8-4-4-4-12 hex spelling (either case). */
    public static UUID uuid(JsonNode node, String path) {
        requirePresent(node, path);
        if (!node.isTextual() || !UUID_TEXT.matcher(node.textValue()).matches()) {
            throw mismatch(node, path, "a UUID such as \"123e4567-e89b-42d3-a456-426614174000\"");
        }
        return UUID.fromString(node.textValue());
    }

    /** A UUID from a path or query parameter, with the same spelling rules as {@link #uuid(JsonNode, String)}. */
    public static UUID uuid(String text, String path) {
        if (text == null || !UUID_TEXT.matcher(text).matches()) {
            throw new JsonFieldException(path, label(path) + " must be a UUID such as "
                    + "\"123e4567-e89b-42d3-a456-426614174000\", got " + JsonValues.describe(text));
        }
        return UUID.fromString(text);
    }

    /** A UUID, or empty when absent or JSON null. */
    public static Optional<UUID> optionalUuid(JsonNode node, String path) {
        return optional(node, path, StrictJson::uuid);
    }

    /** A string whose length in characters (Unicode code points, as people count) is within the bounds. */
    public static String string(JsonNode node, String path, int minLength, int maxLength) {
        requirePresent(node, path);
        if (!node.isTextual()) {
            throw mismatch(node, path, "a string");
        }
        String text = node.textValue();
        int length = text.codePointCount(0, text.length());
        if (length < minLength || length > maxLength) {
            String bounds = minLength == maxLength ? "exactly " + minLength
                    : minLength == 0 ? "at most " + maxLength : minLength + " to " + maxLength;
            throw new JsonFieldException(path, label(path) + " must be a string of " + bounds
                    + " characters, got " + length + " characters");
        }
        return text;
    }

    /** A string within the bounds, or empty when absent or JSON null. */
    public static Optional<String> optionalString(JsonNode node, String path, int minLength, int maxLength) {
        return optional(node, path, (n, p) -> string(n, p, minLength, maxLength));
    }

    /**
     * An integer within the bounds. JSON has one number type, so {@code 60.0} and {@code 6e1} are the integer 60;
     * {@code 60.5} and integers too large to be exact in a double are refused.
     */
    public static long longValue(JsonNode node, String path, long min, long max) {
        requirePresent(node, path);
        OptionalLong value = node.isNumber() ? exactLong(node) : OptionalLong.empty();
        if (value.isEmpty() || value.getAsLong() < min || value.getAsLong() > max) {
            throw mismatch(node, path, describeIntegerRange(min, max));
        }
        return value.getAsLong();
    }

    /** An integer within the bounds; see {@link #longValue}. */
    public static int intValue(JsonNode node, String path, int min, int max) {
        return (int) longValue(node, path, min, max);
    }

    /** {@code true} or {@code false}; never a string or a number. */
    public static boolean bool(JsonNode node, String path) {
        requirePresent(node, path);
        if (!node.isBoolean()) {
            throw mismatch(node, path, "true or false");
        }
        return node.booleanValue();
    }

    /** A finite number. JSON has no NaN or Infinity, but a huge literal such as {@code 1e400} parses to one. */
    public static double doubleValue(JsonNode node, String path) {
        requirePresent(node, path);
        double value = node.isNumber() ? node.doubleValue() : Double.NaN;
        if (!Double.isFinite(value)) {
            throw mismatch(node, path, "a finite number");
        }
        return value;
    }

    /** A finite number within the range. */
    public static double doubleValue(JsonNode node, String path, NumberRange range) {
        double value = doubleValue(node, path);
        if (!range.contains(value)) {
            throw mismatch(node, path, "a number " + range.describe());
        }
        return value;
    }

    /** A finite number that fits a 32-bit float (the Avro field's type) without becoming infinite. */
    public static float floatValue(JsonNode node, String path) {
        double value = doubleValue(node, path);
        if (Math.abs(value) > Float.MAX_VALUE) {
            throw mismatch(node, path, "a number between -3.4e38 and 3.4e38");
        }
        return (float) value;
    }

    /** A float within the range; the range is checked on the float actually stored. */
    public static float floatValue(JsonNode node, String path, NumberRange range) {
        float value = floatValue(node, path);
        if (!range.contains(value)) {
            throw mismatch(node, path, "a number " + range.describe());
        }
        return value;
    }

    /** An array of at most {@code maxEntries} strings, each within the length bounds. */
    public static List<String> stringList(JsonNode node, String path, int maxEntries, int minLength, int maxLength) {
        requirePresent(node, path);
        if (!node.isArray()) {
            throw mismatch(node, path, "an array of strings");
        }
        if (node.size() > maxEntries) {
            throw new JsonFieldException(path, label(path) + " must have at most " + maxEntries
                    + " entries, got " + node.size());
        }
        List<String> values = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            values.add(string(node.get(i), index(path, i), minLength, maxLength));
        }
        return Collections.unmodifiableList(values);
    }

    /** An object of at most {@code maxEntries} string values, keys of 1 to {@code maxKeyLength} characters. */
    public static Map<String, String> stringMap(JsonNode node, String path, int maxEntries, int maxKeyLength,
            int maxValueLength) {
        requirePresent(node, path);
        if (!node.isObject()) {
            throw mismatch(node, path, "an object of strings");
        }
        if (node.size() > maxEntries) {
            throw new JsonFieldException(path, label(path) + " must have at most " + maxEntries
                    + " entries, got " + node.size());
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String key = field.getKey();
            int keyLength = key.codePointCount(0, key.length());
            if (keyLength < 1 || keyLength > maxKeyLength) {
                throw new JsonFieldException(path, label(path) + " keys must have 1 to " + maxKeyLength
                        + " characters, got a key of " + keyLength);
            }
            values.put(key, string(field.getValue(), childOrQuoted(path, key), 0, maxValueLength));
        }
        return Collections.unmodifiableMap(values);
    }

    /** An enum constant spelt exactly as its name, or as its name in lower case when {@code lowerCase}. */
    public static <E extends Enum<E>> E enumValue(JsonNode node, String path, Class<E> type, boolean lowerCase) {
        return enumValue(node, path, EnumSet.allOf(type), lowerCase);
    }

    /** One of the {@code allowed} constants (e.g. all but a reader-only UNKNOWN), spelt as described above. */
    public static <E extends Enum<E>> E enumValue(JsonNode node, String path, EnumSet<E> allowed,
            boolean lowerCase) {
        requirePresent(node, path);
        String text = node.isTextual() ? node.textValue() : null;
        for (E constant : allowed) {
            if (spell(constant, lowerCase).equals(text)) {
                return constant;
            }
        }
        throw mismatch(node, path, "one of " + choices(allowed, lowerCase));
    }

    /** An enum constant from a query parameter, spelt as for {@link #enumValue(JsonNode, String, Class, boolean)}. */
    public static <E extends Enum<E>> E enumValue(String text, String path, Class<E> type, boolean lowerCase) {
        EnumSet<E> allowed = EnumSet.allOf(type);
        for (E constant : allowed) {
            if (spell(constant, lowerCase).equals(text)) {
                return constant;
            }
        }
        throw new JsonFieldException(path, label(path) + " must be one of " + choices(allowed, lowerCase)
                + ", got " + JsonValues.describe(text));
    }

    /** "a must be b, got c": the message shape every type mismatch uses. */
    static JsonFieldException mismatch(JsonNode node, String path, String expected) {
        if (node == null || node.isMissingNode()) {
            return missing(path);
        }
        return new JsonFieldException(path, label(path) + " must be " + expected + ", got "
                + JsonValues.describe(node));
    }

    static JsonFieldException missing(String path) {
        return new JsonFieldException(path, label(path) + " is required");
    }

    /** How a message names the field: the path, or "the request body" for the body itself. */
    static String label(String path) {
        return path.isEmpty() ? "the request body" : path;
    }

    private static void requirePresent(JsonNode node, String path) {
        if (node == null || node.isMissingNode()) {
            throw missing(path);
        }
    }

    /** Keys from clients may hold dots or spaces; those are quoted so the path stays unambiguous. */
    private static String childOrQuoted(String path, String key) {
        return SIMPLE_KEY.matcher(key).matches() ? child(path, key) : path + "[" + JsonValues.quote(key) + "]";
    }

    private static OptionalLong exactLong(JsonNode node) {
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? OptionalLong.of(node.longValue()) : OptionalLong.empty();
        }
        if (node.isBigDecimal()) {
            try {
                return OptionalLong.of(node.decimalValue().longValueExact());
            } catch (ArithmeticException notAnExactLong) {
                return OptionalLong.empty();
            }
        }
        double value = node.doubleValue();
        boolean exact = Double.isFinite(value) && value == Math.rint(value) && Math.abs(value) <= MAX_EXACT_INTEGER;
        return exact ? OptionalLong.of((long) value) : OptionalLong.empty();
    }

    private static String describeIntegerRange(long min, long max) {
        if (min == Long.MIN_VALUE && max == Long.MAX_VALUE) {
            return "an integer";
        }
        if (max == Long.MAX_VALUE) {
            return "an integer of at least " + min;
        }
        return "an integer from " + min + " to " + max;
    }

    private static String spell(Enum<?> constant, boolean lowerCase) {
        return lowerCase ? constant.name().toLowerCase(Locale.ROOT) : constant.name();
    }

    private static <E extends Enum<E>> String choices(EnumSet<E> allowed, boolean lowerCase) {
        return allowed.stream().map(c -> "\"" + spell(c, lowerCase) + "\"").collect(Collectors.joining(", "));
    }
}
