package io.scenelog.edge.registry;

import static io.scenelog.edge.RegistryHttp.REGISTRY_JSON;
import static io.scenelog.edge.RegistryHttp.schemaBody;
import static io.scenelog.edge.registry.RegistrySchemas.USER_V1;
import static io.scenelog.edge.registry.RegistrySchemas.USER_V1_REFORMATTED;
import static io.scenelog.edge.registry.RegistrySchemas.USER_V2;
import static io.scenelog.edge.registry.RegistrySchemas.subject;
import static io.scenelog.edge.registry.RegistrySchemas.uniqueRecord;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenelog.edge.EdgeServer;
import io.scenelog.edge.EdgeServers;
import io.scenelog.edge.RegistryHttp;
import io.scenelog.edge.RegistryHttp.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The registry's register, read and lookup endpoints and their errors, over real HTTP and Kafka. */
class SchemaRegistryIntegrationTest {

    private static EdgeServer server;
    private static RegistryHttp http;

    @BeforeAll
    static void startServer() {
        server = EdgeServers.startOnSharedKafka();
        http = new RegistryHttp(server.baseUri());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void shouldRegisterASchemaAndServeItById() {
        // given
        String subject = subject();
        String schema = uniqueRecord();

        // when
        Response registered = http.post("/subjects/" + subject + "/versions", schemaBody(schema));

        // then
        assertThat(registered.status()).isEqualTo(200);
        assertThat(registered.contentType()).startsWith(REGISTRY_JSON);
        int id = registered.json().get("id").asInt();
        Response byId = http.get("/schemas/ids/" + id);
        assertThat(byId.status()).isEqualTo(200);
        assertThat(byId.json().get("schema").asText()).isEqualTo(schema);
    }

    @Test
    void shouldAnswerTheSameIdForEquivalentSchemaTextsWithoutANewVersion() {
        // given
        String subject = subject();
        int id = http.register(subject, USER_V1);

        // when
        int again = http.register(subject, USER_V1_REFORMATTED);

        // then
        assertThat(again).isEqualTo(id);
        assertThat(http.get("/subjects/" + subject + "/versions").json()).hasSize(1);
        assertThat(http.get("/schemas/ids/" + id).json().get("schema").asText())
                .isEqualTo(http.get("/subjects/" + subject + "/versions/1").json().get("schema").asText());
    }

    @Test
    void shouldReuseTheGlobalIdUnderAnotherSubject() {
        // given
        String schema = uniqueRecord();
        int id = http.register(subject(), schema);

        // when
        int other = http.register(subject(), schema);

        // then
        assertThat(other).isEqualTo(id);
    }

    @Test
    void shouldAcceptTheRequestContentTypesConfluentClientsSend() {
        for (String contentType : new String[] {"application/json", REGISTRY_JSON, "application/octet-stream"}) {
            // when
            Response response = http.post("/subjects/" + subject() + "/versions", schemaBody(USER_V1), contentType);

            // then
            assertThat(response.status()).as(contentType).isEqualTo(200);
        }
    }

    @Test
    void shouldLookUpTheVersionHoldingASchema() {
        // given
        String subject = subject();
        http.register(subject, USER_V1);
        int id = http.register(subject, USER_V2);

        // when
        JsonNode found = http.post("/subjects/" + subject, schemaBody(USER_V2)).json();

        // then
        assertThat(found.get("subject").asText()).isEqualTo(subject);
        assertThat(found.get("id").asInt()).isEqualTo(id);
        assertThat(found.get("version").asInt()).isEqualTo(2);
        assertThat(found.get("schema").asText()).isEqualTo(USER_V2);
    }

    @Test
    void shouldAnswer40401And40403WhenLookingUpWhatIsNotRegistered() {
        // given
        String subject = subject();
        http.register(subject, USER_V1);

        // when
        Response unknownSubject = http.post("/subjects/" + subject(), schemaBody(USER_V1));
        Response unknownSchema = http.post("/subjects/" + subject, schemaBody(uniqueRecord()));

        // then
        assertThat(unknownSubject.status()).isEqualTo(404);
        assertThat(unknownSubject.errorCode()).isEqualTo(40401);
        assertThat(unknownSchema.status()).isEqualTo(404);
        assertThat(unknownSchema.errorCode()).isEqualTo(40403);
    }

    @Test
    void shouldListSubjectsAndVersionsAndServeVersions() {
        // given
        String subject = subject();
        int v1 = http.register(subject, USER_V1);
        int v2 = http.register(subject, USER_V2);

        // then
        assertThat(http.get("/subjects").json().toString()).contains("\"" + subject + "\"");
        assertThat(http.get("/subjects/" + subject + "/versions").json().toString()).isEqualTo("[1,2]");
        JsonNode latest = http.get("/subjects/" + subject + "/versions/latest").json();
        assertThat(latest.get("version").asInt()).isEqualTo(2);
        assertThat(latest.get("id").asInt()).isEqualTo(v2);
        assertThat(latest.get("subject").asText()).isEqualTo(subject);
        assertThat(http.get("/subjects/" + subject + "/versions/-1").json().get("version").asInt()).isEqualTo(2);
        assertThat(http.get("/subjects/" + subject + "/versions/1").json().get("id").asInt()).isEqualTo(v1);
        Response raw = http.get("/subjects/" + subject + "/versions/1/schema");
        assertThat(raw.status()).isEqualTo(200);
        assertThat(raw.body()).isEqualTo(USER_V1);
        assertThat(http.get("/subjects/" + subject + "/versions/2/referencedby").json()).isEmpty();
    }

    @Test
    void shouldAnswer40402ForAMissingVersionAnd42202ForAnInvalidOne() {
        // given
        String subject = subject();
        http.register(subject, USER_V1);

        // then
        Response missing = http.get("/subjects/" + subject + "/versions/5");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.errorCode()).isEqualTo(40402);
        for (String invalid : new String[] {"0", "abc", "-7"}) {
            Response response = http.get("/subjects/" + subject + "/versions/" + invalid);
            assertThat(response.status()).as(invalid).isEqualTo(422);
            assertThat(response.errorCode()).as(invalid).isEqualTo(42202);
        }
        assertThat(http.get("/subjects/" + subject() + "/versions/1").errorCode()).isEqualTo(40401);
        assertThat(http.get("/subjects/" + subject() + "/versions").errorCode()).isEqualTo(40401);
    }

    @Test
    void shouldServeSchemasByIdWithConfluentQueryParameters() {
        // given
        String subject = subject();
        int id = http.register(subject, uniqueRecord());

        // when
        Response response = http.get("/schemas/ids/" + id + "?subject=" + subject + "&fetchMaxId=true");

        // then
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("maxId").asInt()).isGreaterThanOrEqualTo(id);
        JsonNode versions = http.get("/schemas/ids/" + id + "/versions").json();
        assertThat(versions).hasSize(1);
        assertThat(versions.get(0).get("subject").asText()).isEqualTo(subject);
        assertThat(versions.get(0).get("version").asInt()).isEqualTo(1);
        assertThat(http.get("/schemas/ids/" + id + "/subjects").json().toString()).isEqualTo("[\"" + subject + "\"]");
    }

    @Test
    void shouldAnswer40403ForAnUnknownId() {
        // when
        Response response = http.get("/schemas/ids/2147483647");

        // then
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.errorCode()).isEqualTo(40403);
    }

    @Test
    void shouldDecodeUrlEncodedSubjectNames() {
        // given
        String subject = "scene events:" + subject();
        String encoded = URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");

        // when
        int id = http.register(encoded, USER_V1);

        // then
        assertThat(http.get("/subjects").json().toString()).contains("\"" + subject + "\"");
        assertThat(http.get("/subjects/" + encoded + "/versions/1").json().get("id").asInt()).isEqualTo(id);
    }

    @Test
    void shouldAssignDistinctIdsToConcurrentRegistrationsAndOneIdToConcurrentDuplicates() throws Exception {
        // given
        String shared = uniqueRecord();
        String sharedSubject = subject();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            // when
            List<Future<Integer>> distinct = new ArrayList<>();
            List<Future<Integer>> duplicates = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                distinct.add(clients.submit(() -> http.register(subject(), uniqueRecord())));
                duplicates.add(clients.submit(() -> http.register(sharedSubject, shared)));
            }

            // then
            Set<Integer> distinctIds = new HashSet<>();
            for (Future<Integer> id : distinct) {
                distinctIds.add(id.get(60, TimeUnit.SECONDS));
            }
            Set<Integer> duplicateIds = new HashSet<>();
            for (Future<Integer> id : duplicates) {
                duplicateIds.add(id.get(60, TimeUnit.SECONDS));
            }
            assertThat(distinctIds).hasSize(24).doesNotContainAnyElementsOf(duplicateIds);
            assertThat(duplicateIds).hasSize(1);
            assertThat(http.get("/subjects/" + sharedSubject + "/versions").json()).hasSize(1);
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void shouldServeAvroAsTheOnlySchemaType() {
        assertThat(http.get("/schemas/types").json().toString()).isEqualTo("[\"AVRO\"]");
    }
}
