package io.scenelog.edge.registry;

import static io.scenelog.edge.registry.RegistrySchemas.USER_V1;
import static io.scenelog.edge.registry.RegistrySchemas.USER_V2;
import static io.scenelog.edge.registry.RegistrySchemas.subject;
import static io.scenelog.edge.registry.RegistrySchemas.uniqueRecord;
import static org.assertj.core.api.Assertions.assertThat;

import io.scenelog.edge.EdgeServer;
import io.scenelog.edge.EdgeServers;
import io.scenelog.edge.RegistryHttp;
import io.scenelog.edge.RegistryHttp.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Soft and permanent deletes of subjects and versions over real HTTP and Kafka. */
class SchemaRegistryDeletionIntegrationTest {

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
    void shouldSoftDeleteASubjectHidingItFromNormalReads() {
        // given
        String subject = subject();
        int id = http.register(subject, USER_V1);
        http.register(subject, USER_V2);

        // when
        Response deleted = http.delete("/subjects/" + subject);

        // then
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().toString()).isEqualTo("[1,2]");
        assertThat(http.get("/subjects").json().toString()).doesNotContain("\"" + subject + "\"");
        assertThat(http.get("/subjects?deleted=true").json().toString()).contains("\"" + subject + "\"");
        assertThat(http.get("/subjects/" + subject + "/versions").errorCode()).isEqualTo(40401);
        assertThat(http.get("/subjects/" + subject + "/versions?deleted=true").json().toString()).isEqualTo("[1,2]");
        assertThat(http.get("/subjects/" + subject + "/versions/1").errorCode()).isEqualTo(40401);
        assertThat(http.get("/schemas/ids/" + id).status()).isEqualTo(200);
    }

    @Test
    void shouldAnswer40404WhenSoftDeletingASubjectTwice() {
        // given
        String subject = subject();
        http.register(subject, USER_V1);
        http.delete("/subjects/" + subject);

        // when
        Response again = http.delete("/subjects/" + subject);

        // then
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.errorCode()).isEqualTo(40404);
    }

    @Test
    void shouldAnswer40405WhenPermanentlyDeletingALiveSubject() {
        // given
        String subject = subject();
        http.register(subject, USER_V1);

        // when
        Response response = http.delete("/subjects/" + subject + "?permanent=true");

        // then
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.errorCode()).isEqualTo(40405);
    }

    @Test
    void shouldPermanentlyDeleteASoftDeletedSubjectWithoutEverReusingItsId() {
        // given
        String subject = subject();
        int id = http.register(subject, uniqueRecord());
        http.delete("/subjects/" + subject);

        // when
        Response deleted = http.delete("/subjects/" + subject + "?permanent=true");
        int next = http.register(subject(), uniqueRecord());

        // then
        assertThat(deleted.json().toString()).isEqualTo("[1]");
        assertThat(http.get("/subjects?deleted=true").json().toString()).doesNotContain("\"" + subject + "\"");
        assertThat(http.get("/schemas/ids/" + id).errorCode()).isEqualTo(40403);
        assertThat(next).isGreaterThan(id);
        assertThat(http.delete("/subjects/" + subject).errorCode()).isEqualTo(40401);
    }

    @Test
    void shouldSoftDeleteAVersion() {
        // given
        String subject = subject();
        http.register(subject, USER_V1);
        http.register(subject, USER_V2);

        // when
        Response deleted = http.delete("/subjects/" + subject + "/versions/2");

        // then
        assertThat(deleted.json().asInt()).isEqualTo(2);
        assertThat(http.get("/subjects/" + subject + "/versions").json().toString()).isEqualTo("[1]");
        assertThat(http.get("/subjects/" + subject + "/versions/latest").json().get("version").asInt()).isEqualTo(1);
        assertThat(http.get("/subjects/" + subject + "/versions/2").errorCode()).isEqualTo(40402);
        assertThat(http.get("/subjects/" + subject + "/versions/2?deleted=true").status()).isEqualTo(200);
    }

    @Test
    void shouldAnswer40406And40407ForVersionDeletesOutOfOrder() {
        // given
        String subject = subject();
        http.register(subject, USER_V1);
        http.register(subject, USER_V2);

        // when
        Response permanentFirst = http.delete("/subjects/" + subject + "/versions/1?permanent=true");
        http.delete("/subjects/" + subject + "/versions/1");
        Response softAgain = http.delete("/subjects/" + subject + "/versions/1");
        Response permanent = http.delete("/subjects/" + subject + "/versions/1?permanent=true");

        // then
        assertThat(permanentFirst.errorCode()).isEqualTo(40407);
        assertThat(softAgain.errorCode()).isEqualTo(40406);
        assertThat(permanent.status()).isEqualTo(200);
        assertThat(permanent.json().asInt()).isEqualTo(1);
        assertThat(http.get("/subjects/" + subject + "/versions?deleted=true").json().toString()).isEqualTo("[2]");
    }

    @Test
    void shouldAnswer40402And42202ForVersionDeletesOfMissingOrInvalidVersions() {
        // given
        String subject = subject();
        http.register(subject, USER_V1);

        // then
        assertThat(http.delete("/subjects/" + subject + "/versions/9").errorCode()).isEqualTo(40402);
        assertThat(http.delete("/subjects/" + subject + "/versions/zero").errorCode()).isEqualTo(42202);
        assertThat(http.delete("/subjects/" + subject() + "/versions/1").errorCode()).isEqualTo(40401);
    }
}
