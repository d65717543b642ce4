package io.scenelog.edge.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.scenelog.model.Role;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class StrictJsonTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static AbstractThrowableAssert<?, ? extends Throwable> rejects(Executable read, String field) {
        return assertThatThrownBy(read::execute).isInstanceOf(JsonFieldException.class)
                .satisfies(e -> assertThat(((JsonFieldException) e).field()).isEqualTo(field));
    }

    @Nested
    class ObjectFields {

        private final Set<String> allowed = Set.of("name", "settings", "id");

        @Test
        void shouldCallTheBodyTheRequestBody() {
            rejects(() -> StrictJson.object(Json.parse("[1]"), "", allowed, Set.of()), "")
                    .hasMessage("the request body must be an object, got an array");
        }

        @Test
        void shouldRejectAnUnknownTopLevelFieldByItsName() {
            rejects(() -> StrictJson.object(Json.parse("{'name': 'a', 'nmae': 'b'}"), "", allowed, Set.of()), "nmae")
                    .hasMessage("nmae is not a known field; allowed: id, name, settings");
        }

        @Test
        void shouldRequireFields() {
            rejects(() -> StrictJson.object(Json.parse("{'id': 1}"), "", allowed, Set.of("name")), "name")
                    .hasMessage("name is required");
        }

        @Test
        void shouldLetARequiredNullThroughToItsTypedReader() {
            JsonNode body = StrictJson.object(Json.parse("{'name': null}"), "", allowed, Set.of("name"));
            rejects(() -> StrictJson.string(body.get("name"), "name", 1, 200), "name")
                    .hasMessage("name must be a string, got null");
        }

        @Test
        void shouldTreatAMissingNodeAsAbsent() {
            JsonNode missing = Json.parse("{}").path("name");
            rejects(() -> StrictJson.string(missing, "name", 1, 200), "name").hasMessage("name is required");
            assertThat(StrictJson.isAbsent(missing)).isTrue();
        }
    }

    @Nested
    class Uuids {

        @Test
        void shouldReadAnOptionalUuid() {
            UUID id = UUID.randomUUID();
            assertThat(StrictJson.optionalUuid(NODES.textNode(id.toString()), "id")).contains(id);
            assertThat(StrictJson.optionalUuid(null, "id")).isEmpty();
            assertThat(StrictJson.optionalUuid(NODES.nullNode(), "id")).isEmpty();
        }

        @Test
        void shouldReadAPathParameter() {
            UUID id = UUID.randomUUID();
            assertThat(StrictJson.uuid(id.toString(), "sceneId")).isEqualTo(id);
            rejects(() -> StrictJson.uuid("latest", "sceneId"), "sceneId")
                    .hasMessage("sceneId must be a UUID such as \"123e4567-e89b-42d3-a456-426614174000\", "
                            + "got \"latest\"");
        }
    }

    @Nested
    class Strings {

        @Test
        void shouldRejectAnEmptyStringWhenOneCharacterIsTheMinimum() {
            rejects(() -> StrictJson.string(NODES.textNode(""), "name", 1, 200), "name")
                    .hasMessage("name must be a string of 1 to 200 characters, got 0 characters");
        }

        @Test
        void shouldReadAnOptionalString() {
            assertThat(StrictJson.optionalString(NODES.textNode("x"), "n", 1, 2)).contains("x");
            assertThat(StrictJson.optionalString(NODES.nullNode(), "n", 1, 2)).isEmpty();
        }

        @Test
        void shouldShowOnlyTheStartOfALongWrongValue() {
            String long64 = "0123456789".repeat(7);
            rejects(() -> StrictJson.bool(NODES.textNode(long64), "flag"), "flag")
                    .hasMessage("flag must be true or false, got \"" + long64.substring(0, 40) + "…\"");
        }
    }

    @Nested
    class Integers {

        @Test
        void shouldAcceptAnIntegerInRange() {
            assertThat(StrictJson.intValue(Json.parse("{'t': 3600}").get("t"), "t", 60, 86_400)).isEqualTo(3600);
        }

        @Test
        void shouldAcceptAnIntegerSpeltAsADecimalOrExponent() {
            assertThat(StrictJson.intValue(Json.parse("{'t': 60.0}").get("t"), "t", 60, 86_400)).isEqualTo(60);
            assertThat(StrictJson.intValue(Json.parse("{'t': 6e1}").get("t"), "t", 60, 86_400)).isEqualTo(60);
            assertThat(StrictJson.longValue(NODES.numberNode(new BigDecimal("7.000")), "v", 0, 10)).isEqualTo(7);
        }

        @Test
        void shouldRejectAFraction() {
            rejects(() -> StrictJson.intValue(Json.parse("{'t': 60.5}").get("t"), "ttlSeconds", 60, 86_400),
                    "ttlSeconds").hasMessage("ttlSeconds must be an integer from 60 to 86400, got 60.5");
        }

        @Test
        void shouldRejectOutOfRange() {
            rejects(() -> StrictJson.intValue(NODES.numberNode(10), "ttlSeconds", 60, 86_400), "ttlSeconds")
                    .hasMessage("ttlSeconds must be an integer from 60 to 86400, got 10");
        }

        @Test
        void shouldRejectANumberInAString() {
            rejects(() -> StrictJson.longValue(NODES.textNode("5"), "expectedVersion", 0, Long.MAX_VALUE),
                    "expectedVersion").hasMessage("expectedVersion must be an integer of at least 0, got \"5\"");
        }

        @Test
        void shouldRejectAnIntegerBeyondALong() {
            rejects(() -> StrictJson.longValue(Json.parse("{'v': 9223372036854775808}").get("v"), "v",
                    Long.MIN_VALUE, Long.MAX_VALUE), "v")
                    .hasMessage("v must be an integer, got 9223372036854775808");
        }

        @Test
        void shouldRejectADoubleTooLargeToBeAnExactInteger() {
            rejects(() -> StrictJson.longValue(Json.parse("{'v': 1e17}").get("v"), "v", 0, Long.MAX_VALUE), "v");
        }

        @Test
        void shouldRejectAHugeExponent() {
            rejects(() -> StrictJson.longValue(Json.parse("{'v': 1e400}").get("v"), "v", 0, Long.MAX_VALUE), "v")
                    .hasMessage("v must be an integer of at least 0, got a number too large to represent");
        }
    }

    @Nested
    class Numbers {

        @Test
        void shouldCheckARange() {
            assertThat(StrictJson.doubleValue(NODES.numberNode(0.5), "x", NumberRange.closed(0, 1))).isEqualTo(0.5);
            rejects(() -> StrictJson.doubleValue(NODES.numberNode(2), "x", NumberRange.open(0, 1)), "x")
                    .hasMessage("x must be a number greater than 0 and less than 1, got 2");
        }

        @Test
        void shouldRejectABooleanAsANumber() {
            rejects(() -> StrictJson.floatValue(NODES.booleanNode(true), "x"), "x")
                    .hasMessage("x must be a finite number, got true");
        }

        @Test
        void shouldRejectAnObjectAsANumber() {
            rejects(() -> StrictJson.doubleValue(Json.parse("{'x': {}}").get("x"), "x"), "x")
                    .hasMessage("x must be a finite number, got an object");
        }
    }

    @Nested
    class Maps {

        @Test
        void shouldReadStringValuesInOrder() {
            Map<String, String> settings = StrictJson.stringMap(Json.parse("{'b': '1', 'a': '2'}"), "settings",
                    64, 64, 1024);
            assertThat(settings).containsExactly(Map.entry("b", "1"), Map.entry("a", "2"));
        }

        @Test
        void shouldNameTheKeyOfANonStringValue() {
            rejects(() -> StrictJson.stringMap(Json.parse("{'sky': 1}"), "settings", 64, 64, 1024), "settings.sky")
                    .hasMessage("settings.sky must be a string, got 1");
        }

        @Test
        void shouldQuoteAKeyThatIsNotAPlainWord() {
            rejects(() -> StrictJson.stringMap(Json.parse("{'sky.colour': true}"), "settings", 64, 64, 1024),
                    "settings[\"sky.colour\"]");
        }

        @Test
        void shouldRejectTooManyEntries() {
            rejects(() -> StrictJson.stringMap(Json.parse("{'a': '', 'b': '', 'c': ''}"), "settings", 2, 64, 64),
                    "settings").hasMessage("settings must have at most 2 entries, got 3");
        }

        @Test
        void shouldRejectAnEmptyOrLongKey() {
            rejects(() -> StrictJson.stringMap(Json.parse("{'': 'x'}"), "settings", 2, 4, 64), "settings")
                    .hasMessage("settings keys must have 1 to 4 characters, got a key of 0");
            rejects(() -> StrictJson.stringMap(Json.parse("{'abcde': 'x'}"), "settings", 2, 4, 64), "settings");
        }

        @Test
        void shouldRejectALongValue() {
            rejects(() -> StrictJson.stringMap(Json.parse("{'a': 'xyz'}"), "settings", 2, 4, 2), "settings.a")
                    .hasMessage("settings.a must be a string of at most 2 characters, got 3 characters");
        }
    }

    @Nested
    class Enums {

        @Test
        void shouldReadALowerCaseEnum() {
            assertThat(StrictJson.enumValue(NODES.textNode("editor"), "role", Role.class, true))
                    .isEqualTo(Role.EDITOR);
        }

        @Test
        void shouldRejectAnotherSpelling() {
            rejects(() -> StrictJson.enumValue(NODES.textNode("EDITOR"), "role", Role.class, true), "role")
                    .hasMessage("role must be one of \"viewer\", \"editor\", \"admin\", got \"EDITOR\"");
        }

        @Test
        void shouldRejectAConstantOutsideTheAllowedSet() {
            rejects(() -> StrictJson.enumValue(NODES.textNode("admin"), "role", EnumSet.of(Role.VIEWER, Role.EDITOR),
                    true), "role").hasMessage("role must be one of \"viewer\", \"editor\", got \"admin\"");
        }

        @Test
        void shouldReadAQueryParameter() {
            assertThat(StrictJson.enumValue("viewer", "role", Role.class, true)).isEqualTo(Role.VIEWER);
            rejects(() -> StrictJson.enumValue((String) null, "role", Role.class, true), "role")
                    .hasMessage("role must be one of \"viewer\", \"editor\", \"admin\", got nothing");
        }
    }

    @Nested
    class Optionals {

        @Test
        void shouldApplyTheReaderOnlyWhenGiven() {
            assertThat(StrictJson.optional(NODES.numberNode(90), "ttl", (n, p) -> StrictJson.intValue(n, p, 60, 99)))
                    .isEqualTo(Optional.of(90));
            assertThat(StrictJson.optional(NODES.nullNode(), "ttl", (n, p) -> StrictJson.intValue(n, p, 60, 99)))
                    .isEmpty();
        }
    }

    @Nested
    class Parsing {

        @Test
        void shouldRefuseDuplicateKeys() {
            assertThatThrownBy(() -> StrictJson.reader().readTree("{\"a\": 1, \"a\": 2}"))
                    .isInstanceOf(JsonProcessingException.class)
                    .hasMessageContaining("Duplicate field 'a'");
        }

        @Test
        void shouldRefuseTrailingContent() {
            assertThatThrownBy(() -> StrictJson.reader().readTree("{\"a\": 1} {\"b\": 2}"))
                    .isInstanceOf(JsonProcessingException.class);
        }

        @Test
        void shouldParseAHugeNumberToInfinityWhichTheReadersRefuse() throws JsonProcessingException {
            JsonNode huge = StrictJson.reader().readTree("{\"x\": 1e400}").get("x");
            assertThat(huge.doubleValue()).isInfinite();
            rejects(() -> StrictJson.doubleValue(huge, "x"), "x");
        }
    }
}
