package io.scenelog.edge.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/** Test bodies written with single quotes, which read better inside Java strings than escaped double quotes. */
final class Json {

    private Json() {
    }

    static JsonNode parse(String singleQuoted) {
        try {
            return StrictJson.reader().readTree(singleQuoted.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Test JSON does not parse: " + singleQuoted, e);
        }
    }
}
