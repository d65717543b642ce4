package io.scenelog.edge.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Locale;

/**
 * How a rejection message shows the value it got: short, JSON-quoted, and never the whole of a large value, so a
 * client sees what went wrong without the error echoing its request back.
 */
final class JsonValues {

    /** Longer values are cut here; enough to recognise a value, too little to fill a log line. */
    private static final int MAX_SHOWN_CHARACTERS = 40;

    private JsonValues() {
    }

    /** The value in words or as JSON: {@code "abc"}, {@code 12.5}, {@code null}, "an object". */
    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isTextual()) {
            return quote(node.textValue());
        }
        if (node.isNumber()) {
            return Double.isFinite(node.doubleValue()) ? truncate(node.asText()) : "a number too large to represent";
        }
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isBinary() || node.isPojo()) {
            return "a value of type " + node.getNodeType().name().toLowerCase(Locale.ROOT);
        }
        return node.asText();
    }

    /** A query or path parameter's value as it is shown in messages; "nothing" when absent. */
    static String describe(String text) {
        return text == null ? "nothing" : quote(text);
    }

    /** The text as a JSON string literal, cut to a readable length. */
    static String quote(String text) {
        return TextNode.valueOf(truncate(text)).toString();
    }

    private static String truncate(String text) {
        if (text.codePointCount(0, text.length()) <= MAX_SHOWN_CHARACTERS) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, MAX_SHOWN_CHARACTERS)) + "…";
    }
}
