package io.scenelog.edge.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.report.ValidationReport.Level;
import com.atlassian.oai.validator.report.ValidationReport.Message;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scenelog.edge.docs.ApiSpec;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks requests and responses against the REST API's OpenAPI document, with the levels {@link ApiClient}
 * promises: undocumented paths, methods and query parameters are errors; missing credentials are not (the 401
 * they earn is documented). It also covers what swagger-request-validator skips: the parts of a multipart body,
 * and responses to routes the document deliberately lacks, which must still be the shared error body.
 */
final class SpecValidator {

    private static final Set<String> NO_OPERATION = Set.of(
            "validation.request.path.missing", "validation.request.operation.notAllowed");
    private static final String ERROR_SCHEMA = "#/components/schemas/Error";

    private final OpenApiInteractionValidator interactions;
    private final OpenAPI api;
    private final SchemaValidator schemas;

    private SpecValidator(String yaml) {
        LevelResolver levels = LevelResolver.create()
                .withLevel("validation.request.path.missing", Level.ERROR)
                .withLevel("validation.request.operation.notAllowed", Level.ERROR)
                .withLevel("validation.request.parameter.query.unexpected", Level.ERROR)
                // Tests of 401 send no or broken credentials on purpose; the response check covers them.
                .withLevel("validation.request.security.missing", Level.IGNORE)
                .withLevel("validation.request.security.invalid", Level.IGNORE)
                .build();
        this.interactions = OpenApiInteractionValidator.createForInlineApiSpecification(yaml)
                .withLevelResolver(levels)
                .build();
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        this.api = new OpenAPIV3Parser().readContents(yaml, null, options).getOpenAPI();
        this.schemas = new SchemaValidator(api, new MessageResolver(levels));
    }

    /** The validator of the document on the classpath, built once: building it takes about a second. */
    static SpecValidator shared() {
        return Holder.SHARED;
    }

    /** Errors of a request; for multipart requests, {@code fields} are its parts as JSON (files as placeholders). */
    List<Message> checkRequest(SimpleRequest request, Optional<ObjectNode> fields) {
        List<Message> errors = errors(interactions.validateRequest(request));
        if (errors.isEmpty() && fields.isPresent()) {
            String json = fields.get().toString();
            multipartSchema(request.getMethod(), request.getPath()).ifPresent(schema ->
                    errors.addAll(errors(schemas.validate(json, schema, "validation.request.body"))));
        }
        return errors;
    }

    /**
     * Errors of a response. When the document has no operation for the request (a test of an unknown route
     * or method, sent without request validation), the response must be a 4xx with the shared error body.
     */
    List<Message> checkResponse(Request.Method method, String path, SimpleResponse response, String body) {
        List<Message> errors = errors(interactions.validateResponse(path, method, response));
        if (errors.stream().noneMatch(m -> NO_OPERATION.contains(m.getKey()))) {
            return errors;
        }
        List<Message> unknownRoute = new ArrayList<>();
        if (response.getStatus() < 400 || response.getStatus() > 499) {
            unknownRoute.add(Message.create("scenelog.response.unknownRoute",
                    "A route the document does not have answered " + response.getStatus() + ", not 4xx").build());
        }
        unknownRoute.addAll(errors(schemas.validate(body, new Schema<>().$ref(ERROR_SCHEMA),
                "validation.response.body")));
        return unknownRoute;
    }

    /** The schema of a multipart/form-data request body of the operation that serves this path, if any. */
    private Optional<Schema> multipartSchema(Request.Method method, String path) {
        for (Map.Entry<String, PathItem> entry : api.getPaths().entrySet()) {
            if (!matches(entry.getKey(), path)) {
                continue;
            }
            Operation operation = entry.getValue().readOperationsMap().get(PathItem.HttpMethod.valueOf(method.name()));
            if (operation != null && operation.getRequestBody() != null) {
                MediaType multipart = operation.getRequestBody().getContent().get("multipart/form-data");
                return Optional.ofNullable(multipart).map(MediaType::getSchema);
            }
        }
        return Optional.empty();
    }

    private static boolean matches(String template, String path) {
        String[] expected = template.split("/", -1);
        String[] actual = path.split("/", -1);
        if (expected.length != actual.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            boolean variable = expected[i].startsWith("{") && expected[i].endsWith("}") && !actual[i].isEmpty();
            if (!variable && !expected[i].equals(actual[i])) {
                return false;
            }
        }
        return true;
    }

    private static List<Message> errors(ValidationReport report) {
        List<Message> errors = new ArrayList<>();
        for (Message message : report.getMessages()) {
            if (message.getLevel() == Level.ERROR) {
                errors.add(message);
            }
        }
        return errors;
    }

    /** The messages, one per line with their details indented, for an assertion message. */
    static String format(List<Message> messages) {
        StringBuilder out = new StringBuilder();
        for (Message message : messages) {
            append(message, "  ", out);
        }
        return out.toString();
    }

    private static void append(Message message, String indent, StringBuilder out) {
        out.append(indent).append(message.getKey()).append(": ").append(message.getMessage()).append('\n');
        for (String info : message.getAdditionalInfo()) {
            out.append(indent).append("    ").append(info).append('\n');
        }
        for (Message nested : message.getNestedMessages()) {
            append(nested, indent + "    ", out);
        }
    }

    private static final class Holder {
        static final SpecValidator SHARED = new SpecValidator(ApiSpec.specYaml());
    }
}
