package io.scenelog.schemas.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.tags.Tag;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The REST API's OpenAPI document is the contract the server is tested against, so it must parse cleanly with the
 * official parser and hold the rules every operation follows: identified, tagged, described, secured, and with
 * its errors documented. These tests fail as soon as an edit breaks one of them.
 */
class OpenApiDocumentTest {

    private static final String RESOURCE = "/io/scenelog/schemas/openapi/scenelog-api.yaml";
    private static final String PUBLIC = "public";
    private static final String ROLE_EXTENSION = "x-scenelog-role";
    private static final Set<String> ROLES = Set.of(PUBLIC, "api-key", "viewer", "editor", "admin");

    private static SwaggerParseResult result;
    private static OpenAPI api;

    @BeforeAll
    static void parse() throws IOException {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        result = new OpenAPIV3Parser().readContents(readResource(), null, options);
        api = result.getOpenAPI();
    }

    @Test
    void shouldParseWithoutMessages() {
        assertThat(result.getMessages()).isEmpty();
        assertThat(api).isNotNull();
    }

    @Test
    void shouldDeclareOpenApi303() {
        assertThat(api.getOpenapi()).isEqualTo("3.0.3");
        assertThat(api.getInfo().getDescription()).contains("POST /tokens", "Roles", "Scopes", "Errors", "Paging");
    }

    @Test
    void shouldGiveEveryOperationAUniqueOperationId() {
        List<String> ids = operations().stream().map(op -> op.operation().getOperationId()).toList();

        assertThat(ids).doesNotContainNull().allSatisfy(id -> assertThat(id).isNotBlank());
        assertThat(ids).doesNotHaveDuplicates();
    }

    @Test
    void shouldTagEveryOperationWithOneDeclaredTag() {
        Set<String> declared = api.getTags().stream().map(Tag::getName).collect(Collectors.toSet());

        assertThat(operations()).allSatisfy(op -> assertThat(op.operation().getTags())
                .as(op.name()).hasSize(1).allMatch(declared::contains));
    }

    @Test
    void shouldGiveEveryOperationASummaryAndADescriptionNamingItsRole() {
        assertThat(operations()).allSatisfy(op -> {
            Operation operation = op.operation();
            assertThat(operation.getSummary()).as(op.name()).isNotBlank();
            assertThat(operation.getDescription()).as(op.name()).contains("**Role:**");
            Object role = operation.getExtensions() == null ? null : operation.getExtensions().get(ROLE_EXTENSION);
            assertThat(role).as(op.name() + " " + ROLE_EXTENSION).isIn(ROLES.toArray());
        });
    }

    @Test
    void shouldDocumentAClientErrorForEveryOperation() {
        assertThat(operations()).allSatisfy(op -> assertThat(op.operation().getResponses().keySet())
                .as(op.name()).anyMatch(status -> status.startsWith("4")));
    }

    @Test
    void shouldDocument401And403ForEveryOperationThatIsNotPublic() {
        assertThat(operations()).filteredOn(op -> !op.isPublic()).isNotEmpty().allSatisfy(op ->
                assertThat(op.operation().getResponses()).as(op.name()).containsKeys("401", "403"));
    }

    @Test
    void shouldOpenPublicOperationsAndOnlyThemWithoutSecurity() {
        assertThat(api.getSecurity()).hasSize(1);
        assertThat(api.getSecurity().get(0)).containsOnlyKeys("bearerAuth");
        assertThat(operations()).allSatisfy(op -> {
            boolean publicRole = PUBLIC.equals(op.operation().getExtensions().get(ROLE_EXTENSION));
            assertThat(op.isPublic()).as(op.name()).isEqualTo(publicRole);
        });
    }

    @Test
    void shouldAnswerEveryErrorWithTheSharedErrorBody() {
        assertThat(operations()).allSatisfy(op -> op.operation().getResponses().forEach((status, response) -> {
            if (status.startsWith("4") || (status.startsWith("5") && !op.isPublic())) {
                Schema<?> schema = jsonSchema(resolve(response));
                assertThat(schema).as(op.name() + " " + status).isNotNull();
                assertThat(schema.get$ref()).as(op.name() + " " + status).isEqualTo("#/components/schemas/Error");
            }
        }));
    }

    @Test
    void shouldForbidUnknownPropertiesInEveryRequestBody() {
        List<String> open = new ArrayList<>();
        for (Op op : operations()) {
            if (op.operation().getRequestBody() == null) {
                continue;
            }
            for (Map.Entry<String, MediaType> content : op.operation().getRequestBody().getContent().entrySet()) {
                Schema<?> schema = content.getValue().getSchema();
                assertThat(schema).as(op.name() + " " + content.getKey()).isNotNull();
                collectOpenObjects(schema, op.name(), new HashSet<>(), open);
            }
        }

        assertThat(open).as("request schemas that allow unknown properties").isEmpty();
    }

    @Test
    void shouldRequireFieldsInEveryRequestBodyThatHasMandatoryOnes() {
        for (String name : List.of("ApiKeyRequest", "SceneCreate", "SessionCreate", "ClientJoinRequest",
                "EntityCreate", "AssetUpload")) {
            assertThat(api.getComponents().getSchemas().get(name).getRequired()).as(name).isNotEmpty();
        }
    }

    @Test
    void shouldTypeEveryIdInAPathAsAUuid() {
        assertThat(operations()).allSatisfy(op -> op.parameters().stream()
                .filter(p -> "path".equals(p.getIn()) && p.getName().endsWith("Id"))
                .filter(p -> !"clientId".equals(p.getName()))
                .forEach(p -> assertThat(p.getSchema().getFormat()).as(op.name() + " " + p.getName())
                        .isEqualTo("uuid")));
    }

    @Test
    void shouldPageEveryListWithLimitAndCursor() {
        List<Op> lists = operations().stream()
                .filter(op -> op.operation().getOperationId().startsWith("list")).toList();

        assertThat(lists).hasSize(5).allSatisfy(op -> {
            Map<String, Parameter> byName = op.parameters().stream()
                    .collect(Collectors.toMap(Parameter::getName, p -> p));
            Schema<?> limit = byName.get("limit").getSchema();
            assertThat(limit.getMinimum()).as(op.name()).isEqualByComparingTo("1");
            assertThat(limit.getMaximum()).as(op.name()).isEqualByComparingTo("500");
            assertThat(limit.getDefault()).as(op.name()).isEqualTo(50);
            assertThat(byName).as(op.name()).containsKey("cursor");
            Schema<?> page = component(jsonSchema(resolve(op.operation().getResponses().get("200"))));
            assertThat(page.getRequired()).as(op.name()).containsExactlyInAnyOrder("items", "nextCursor");
            assertThat(page.getProperties().get("nextCursor").getNullable()).as(op.name()).isTrue();
        });
    }

    @Test
    void shouldDocumentRetryAfterAndWwwAuthenticate() {
        Map<String, ApiResponse> responses = api.getComponents().getResponses();

        assertThat(responses.get("RateLimited").getHeaders()).containsKey("Retry-After");
        assertThat(responses.get("Unavailable").getHeaders()).containsKey("Retry-After");
        assertThat(responses.get("Unauthenticated").getHeaders()).containsKey("WWW-Authenticate");
    }

    /** Adds to {@code open} every object schema reachable from {@code schema} that allows unknown properties. */
    private static void collectOpenObjects(Schema<?> schema, String where, Set<String> seen, List<String> open) {
        Schema<?> current = schema;
        String place = where;
        if (current.get$ref() != null) {
            String name = refName(current.get$ref());
            if (!seen.add(name)) {
                return;
            }
            current = api.getComponents().getSchemas().get(name);
            place = where + " > " + name;
        }
        for (List<Schema> parts : Arrays.asList(current.getAllOf(), current.getOneOf(), current.getAnyOf())) {
            if (parts != null) {
                for (Schema<?> part : parts) {
                    collectOpenObjects(part, place, seen, open);
                }
            }
        }
        if ("array".equals(current.getType()) && current.getItems() != null) {
            collectOpenObjects(current.getItems(), place + "[]", seen, open);
        }
        if ("object".equals(current.getType()) || current.getProperties() != null) {
            Object additional = current.getAdditionalProperties();
            if (additional instanceof Schema<?> values) {
                collectOpenObjects(values, place + "{}", seen, open);
            } else if (!Boolean.FALSE.equals(additional)) {
                open.add(place);
            }
            if (current.getProperties() != null) {
                for (Map.Entry<String, Schema> property : current.getProperties().entrySet()) {
                    collectOpenObjects(property.getValue(), place + "." + property.getKey(), seen, open);
                }
            }
        }
    }

    private static List<Op> operations() {
        List<Op> ops = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> ops.add(new Op(method, path, item, operation))));
        return ops;
    }

    private static ApiResponse resolve(ApiResponse response) {
        return response.get$ref() == null ? response
                : api.getComponents().getResponses().get(refName(response.get$ref()));
    }

    private static Schema<?> jsonSchema(ApiResponse response) {
        if (response.getContent() == null || response.getContent().get("application/json") == null) {
            return null;
        }
        return response.getContent().get("application/json").getSchema();
    }

    private static Schema<?> component(Schema<?> schema) {
        return schema.get$ref() == null ? schema : api.getComponents().getSchemas().get(refName(schema.get$ref()));
    }

    private static String refName(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    private static String readResource() throws IOException {
        try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream(RESOURCE)) {
            assertThat(in).as("classpath resource " + RESOURCE).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** One operation of the document, with the path-level parameters it inherits. */
    private record Op(PathItem.HttpMethod method, String path, PathItem item, Operation operation) {

        String name() {
            return method + " " + path;
        }

        boolean isPublic() {
            return operation.getSecurity() != null && operation.getSecurity().isEmpty();
        }

        List<Parameter> parameters() {
            List<Parameter> all = new ArrayList<>();
            if (item.getParameters() != null) {
                all.addAll(item.getParameters());
            }
            if (operation.getParameters() != null) {
                all.addAll(operation.getParameters());
            }
            return all.stream().map(Op::resolveParameter).toList();
        }

        private static Parameter resolveParameter(Parameter parameter) {
            return parameter.get$ref() == null ? parameter
                    : Objects.requireNonNull(api.getComponents().getParameters().get(refName(parameter.get$ref())),
                            parameter.get$ref());
        }
    }
}
