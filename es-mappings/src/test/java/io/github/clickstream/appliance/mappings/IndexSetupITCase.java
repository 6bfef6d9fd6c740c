package io.github.clickstream.appliance.mappings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import io.github.clickstream.appliance.localstack.ElasticsearchNode;
import io.github.clickstream.appliance.localstack.LocalStackExtension;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalStackExtension.class)
class IndexSetupITCase {

    private static final Instant BEGINNING = Instant.parse("2026-11-23T08:00:00Z");

    private static ElasticsearchClient client;
    private static SetupReport firstRun;

    @BeforeAll
    static void applyTemplates(ElasticsearchNode es) throws IOException {
        client = ElasticsearchClients.create(ElasticsearchConnection.of(es.httpUrl()));
        firstRun = new IndexSetup(client).apply();
    }

    @AfterAll
    static void closeClient() throws IOException {
        client.close();
    }

    @Test
    void firstRunCreatesEveryTemplateAndTheAliasedIndices() {
        assertThat(firstRun.created())
                .containsAll(TemplateFiles.componentTemplates())
                .containsAll(TemplateFiles.indexTemplates())
                .contains("users-v1", "items-v1");
        assertThat(firstRun.updated()).isEmpty();
    }

    @Test
    void userIsFoundByTermQueryAndByKnnOnItsVector() throws IOException {
        client.index(r -> r.index("users").id("u-knn").document(user("u-knn", vector(1f, 0.1f))));
        client.index(
                r ->
                        r.index("users")
                                .id("u-other")
                                .document(user("u-other", vector(-1f, 0.5f)))
                                .refresh(Refresh.True));

        SearchResponse<UserDocument> byTerm =
                client.search(
                        s ->
                                s.index("users")
                                        .query(q -> q.term(t -> t.field("user_id").value("u-knn"))),
                        UserDocument.class);
        assertThat(byTerm.hits().hits()).hasSize(1);
        UserDocument found = byTerm.hits().hits().get(0).source();
        assertThat(found.segmentName()).isEqualTo("loyal high spenders");
        assertThat(found.userVector()).hasSize(16);
        assertThat(found.reasons()).containsExactly(new Reason("propensity", "orders_30d", 0.8));

        SearchResponse<UserDocument> byKnn =
                client.search(
                        s ->
                                s.index("users")
                                        .knn(
                                                k ->
                                                        k.field("user_vector")
                                                                .queryVector(
                                                                        toList(vector(0.9f, 0.1f)))
                                                                .k(1)
                                                                .numCandidates(10)),
                        UserDocument.class);
        assertThat(byKnn.hits().hits().get(0).id()).isEqualTo("u-knn");
    }

    @Test
    void secondRunChangesNothing() throws IOException {
        String uuidBefore = usersIndexUuid();
        long docsBefore = client.count(c -> c.index("users")).count();

        SetupReport second = new IndexSetup(client).apply();

        assertThat(second.changedNothing()).isTrue();
        assertThat(second.unchanged()).hasSize(firstRun.created().size());
        assertThat(usersIndexUuid()).isEqualTo(uuidBefore);
        assertThat(client.count(c -> c.index("users")).count()).isEqualTo(docsBefore);
        assertThat(
                        client.indices()
                                .getIndexTemplate(r -> r.name("users@template"))
                                .indexTemplates()
                                .get(0)
                                .indexTemplate()
                                .version())
                .isEqualTo(1L);
    }

    @Test
    void monthlySessionIndexJoinsTheSessionsAlias() throws IOException {
        SessionDocument session =
                new SessionDocument(
                        "u1@2026-11-23T08:00:00Z",
                        "u1",
                        BEGINNING,
                        BEGINNING.plusSeconds(600),
                        600.0,
                        3,
                        1,
                        0,
                        1,
                        0,
                        0,
                        0,
                        2,
                        1,
                        19.5,
                        true,
                        false,
                        "i1",
                        "i2",
                        "checkout-2026",
                        "treatment");
        client.index(
                r ->
                        r.index("sessions-2026.11")
                                .id(session.sessionId())
                                .document(session)
                                .refresh(Refresh.True));

        SearchResponse<SessionDocument> viaAlias =
                client.search(
                        s ->
                                s.index("sessions")
                                        .query(q -> q.term(t -> t.field("user_id").value("u1"))),
                        SessionDocument.class);
        assertThat(viaAlias.hits().hits()).hasSize(1);
        assertThat(viaAlias.hits().hits().get(0).source()).isEqualTo(session);
    }

    @Test
    void undeclaredFieldIsRejectedByTheStrictMapping() {
        assertThatThrownBy(
                        () ->
                                client.index(
                                        r ->
                                                r.index("items")
                                                        .id("i-bad")
                                                        .withJson(
                                                                new StringReader(
                                                                        "{\"item_id\":\"i-bad\",\"colour\":\"red\"}"))))
                .isInstanceOf(ElasticsearchException.class)
                .hasMessageContaining("strict_dynamic_mapping_exception");
    }

    private static String usersIndexUuid() throws IOException {
        return client.indices()
                .get(r -> r.index("users-v1"))
                .get("users-v1")
                .settings()
                .index()
                .uuid();
    }

    private static UserDocument user(String id, float[] vector) {
        return new UserDocument(
                id,
                BEGINNING,
                BEGINNING,
                null,
                0.5,
                null,
                2,
                5,
                1,
                3,
                42.0,
                120.0,
                40.0,
                0.3,
                0.5,
                0.5,
                300.0,
                6.0,
                3,
                "electronics",
                List.of("i1", "i2"),
                0.7,
                0.1,
                2,
                "loyal high spenders",
                List.of(new Reason("propensity", "orders_30d", 0.8)),
                List.of("propensity@1"),
                vector,
                BEGINNING);
    }

    /** A 16-dimensional vector whose direction is set by its first two components. */
    private static float[] vector(float x, float y) {
        float[] v = new float[16];
        v[0] = x;
        v[1] = y;
        for (int i = 2; i < v.length; i++) {
            v[i] = 0.01f * i;
        }
        return v;
    }

    private static List<Float> toList(float[] v) {
        Float[] boxed = new Float[v.length];
        for (int i = 0; i < v.length; i++) {
            boxed[i] = v[i];
        }
        return List.of(boxed);
    }
}
