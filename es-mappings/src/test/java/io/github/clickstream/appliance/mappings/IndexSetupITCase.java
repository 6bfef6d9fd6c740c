package io.github.clickstream.appliance.mappings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.clickstream.appliance.localstack.ElasticsearchNode;
import io.github.clickstream.appliance.localstack.LocalStackExtension;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
    void anErasureDeletesAProfileWrittenJustBeforeIt() throws IOException {
        // No periodic refresh: the profile is acknowledged but not yet searchable, as a write the
        // job's sink flushed at the checkpoint the erasure runs after.
        setUsersRefreshInterval("-1");
        try {
            client.index(
                    r -> r.index("users").id("u-fresh").document(Map.of("user_id", "u-fresh")));

            Map<String, Long> deleted = new UserErasure(client).erase("u-fresh");

            assertThat(deleted).containsEntry("users", 1L);
            assertThat(client.exists(r -> r.index("users").id("u-fresh")).value()).isFalse();
        } finally {
            setUsersRefreshInterval("1s");
        }
    }

    private static void setUsersRefreshInterval(String interval) throws IOException {
        client.indices()
                .putSettings(
                        s ->
                                s.index("users")
                                        .settings(i -> i.refreshInterval(t -> t.time(interval))));
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
        client.index(
                r ->
                        r.index("users")
                                .id("u-kept")
                                .document(user("u-kept", null))
                                .refresh(Refresh.True));
        String uuidBefore = indexUuid("users-v1");
        Map<String, Long> versionsBefore = installedTemplateVersions();

        SetupReport second = new IndexSetup(client).apply();

        assertThat(second.created()).isEmpty();
        assertThat(second.updated()).isEmpty();
        assertThat(second.unchanged())
                .containsExactlyInAnyOrder(
                        "appliance@settings",
                        "users@mappings",
                        "items@mappings",
                        "sessions@mappings",
                        "metrics@mappings",
                        "dead-letters@mappings",
                        "users@template",
                        "items@template",
                        "sessions@template",
                        "metrics@template",
                        "dead-letters@template",
                        "users",
                        "items");
        assertThat(indexUuid("users-v1")).isEqualTo(uuidBefore);
        assertThat(installedTemplateVersions()).isEqualTo(versionsBefore);
        assertThat(versionsBefore)
                .containsEntry("users@template", 1L)
                .containsEntry("metrics@mappings", 2L);
        assertThat(client.get(g -> g.index("users").id("u-kept"), UserDocument.class).found())
                .isTrue();
    }

    @Test
    void missingAliasIsPutBackOnTheExistingIndexWithoutRecreatingIt() throws IOException {
        String uuidBefore = indexUuid("items-v1");
        client.indices().deleteAlias(r -> r.index("items-v1").name("items"));

        SetupReport report = new IndexSetup(client).apply();

        assertThat(report.created()).containsExactly("items");
        assertThat(indexUuid("items-v1")).isEqualTo(uuidBefore);
        assertThat(client.indices().getAlias(r -> r.name("items")).result())
                .containsOnlyKeys("items-v1");
    }

    @Test
    void anUpdatedItemsTemplateAddsItsNewFieldToTheExistingIndex() throws IOException {
        // items-v1 as the version-1 template made it, before ranking_vector existed
        ObjectNode older = (ObjectNode) TemplateFiles.read("items@mappings").deepCopy();
        older.put("version", 1);
        ((ObjectNode) older.path("template").path("mappings").path("properties"))
                .remove("ranking_vector");
        client.cluster()
                .putComponentTemplate(
                        r -> r.withJson(new StringReader(older.toString())).name("items@mappings"));
        client.indices().delete(r -> r.index("items-v1"));
        client.indices()
                .create(r -> r.index("items-v1").aliases("items", a -> a.isWriteIndex(true)));
        assertThat(itemsFields()).doesNotContain("ranking_vector");

        SetupReport report = new IndexSetup(client).apply();

        assertThat(report.updated()).containsExactly("items@mappings");
        assertThat(itemsFields()).contains("ranking_vector", "item_vector");
        client.index(
                r ->
                        r.index("items")
                                .id("i-ranked")
                                .withJson(
                                        new StringReader(
                                                "{\"item_id\":\"i-ranked\",\"ranking_vector\":[0.6,0.8]}"))
                                .refresh(Refresh.True));
        assertThat(client.get(g -> g.index("items").id("i-ranked"), ItemDocument.class).found())
                .isTrue();
    }

    private static Set<String> itemsFields() throws IOException {
        return client.indices()
                .getMapping(r -> r.index("items-v1"))
                .result()
                .get("items-v1")
                .mappings()
                .properties()
                .keySet();
    }

    @Test
    void plainIndexUnderAnAliasNameStopsSetupAndSaysWhatToDo() throws IOException {
        client.indices().deleteAlias(r -> r.index("items-v1").name("items"));
        client.indices().create(r -> r.index("items"));
        try {
            assertThatThrownBy(() -> new IndexSetup(client).apply())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage(
                            "Elasticsearch has a plain index named items (auto-created by a"
                                    + " write before setup?), so the alias items -> items-v1"
                                    + " cannot be created; delete that index or reindex it into"
                                    + " items-v1, then run setup again");
        } finally {
            client.indices().delete(r -> r.index("items"));
            new IndexSetup(client).apply();
        }
        assertThat(client.indices().existsAlias(r -> r.name("items")).value()).isTrue();
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

    private static String indexUuid(String index) throws IOException {
        return client.indices().get(r -> r.index(index)).get(index).settings().index().uuid();
    }

    private static Map<String, Long> installedTemplateVersions() throws IOException {
        Map<String, Long> versions = new TreeMap<>();
        for (var found : client.cluster().getComponentTemplate().componentTemplates()) {
            versions.put(found.name(), found.componentTemplate().version());
        }
        for (var found : client.indices().getIndexTemplate().indexTemplates()) {
            versions.put(found.name(), found.indexTemplate().version());
        }
        return versions;
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
                List.of("i2"),
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
