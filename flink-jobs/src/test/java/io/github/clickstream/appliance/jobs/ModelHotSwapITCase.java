package io.github.clickstream.appliance.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.clickstream.appliance.events.ClickEvent;
import io.github.clickstream.appliance.events.ClickEventJson;
import io.github.clickstream.appliance.events.generator.ClickstreamGenerator;
import io.github.clickstream.appliance.events.generator.GeneratorConfig;
import io.github.clickstream.appliance.localstack.AcknowledgedSends;
import io.github.clickstream.appliance.localstack.ElasticsearchNode;
import io.github.clickstream.appliance.localstack.KafkaBroker;
import io.github.clickstream.appliance.localstack.LocalStackExtension;
import io.github.clickstream.appliance.mappings.ElasticsearchClients;
import io.github.clickstream.appliance.mappings.ElasticsearchConnection;
import io.github.clickstream.appliance.mappings.IndexSetup;
import io.github.clickstream.appliance.models.HostileDocuments;
import io.github.clickstream.appliance.models.ModelSlot;
import io.github.clickstream.appliance.models.ShippedModels;
import io.github.clickstream.appliance.pipeline.PipelineConfig;
import io.github.clickstream.appliance.sink.ElasticsearchSinkConfig;
import io.github.clickstream.appliance.testing.AllDocuments;
import io.github.clickstream.appliance.testing.FlinkTesting;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Hot swap on the running job (real Kafka, real Elasticsearch, MiniCluster with restarts turned
 * off, so any failure would end the job): a new propensity model replaces the shipped one for later
 * scores; then five bad files are each refused with their reason while the new model keeps scoring.
 */
@ExtendWith(LocalStackExtension.class)
class ModelHotSwapITCase {

    @RegisterExtension static final MiniClusterExtension FLINK = FlinkTesting.miniCluster();

    private static final String EVENTS = "hotswap-clickstream";
    private static final String MODELS = "hotswap-models";
    private static final String USER_PREFIX = "hotswap-";
    private static final long DAY = 86_400_000L;

    @Test
    void newModelsScoreLaterUpdatesAndBadOnesAreRefusedWithoutARestart(
            ElasticsearchNode node, KafkaBroker kafka) throws Exception {
        ElasticsearchConnection connection = ElasticsearchConnection.of(node.httpUrl());
        IndexSetup.apply(connection);
        ElasticsearchClient es = ElasticsearchClients.create(connection);
        kafka.createTopic(EVENTS, 1);
        kafka.createTopic(MODELS, 1);
        JobClient job = startJob(kafka, connection);
        String shipped = "purchase_propensity@" + shippedVersion();

        List<String> events = generatedEvents();
        long switchAt = GeneratorConfig.DEFAULT_START.toEpochMilli() + 3 * DAY;
        Fixtures.send(kafka.bootstrapServers(), EVENTS, before(events, switchAt, true));
        await().ignoreExceptions()
                .atMost(Duration.ofSeconds(120))
                .until(() -> !users(es).isEmpty());
        assertThat(users(es).values()).allSatisfy(u -> assertThat(versions(u)).contains(shipped));

        String propensity =
                new String(
                        ShippedModels.pmml(ModelSlot.PURCHASE_PROPENSITY), StandardCharsets.UTF_8);
        publishModels(
                kafka,
                List.of(
                        HostileDocuments.withVersion(propensity, "hotswap-v2"),
                        HostileDocuments.truncated(propensity),
                        HostileDocuments.xxe(propensity),
                        HostileDocuments.billionLaughs(propensity),
                        HostileDocuments.unknownInput(propensity),
                        HostileDocuments.applyNamingAClass(propensity)));
        await().ignoreExceptions()
                .atMost(Duration.ofSeconds(60))
                .until(() -> refusals(es).size() == 5);
        assertThat(refusals(es).values())
                .extracting(d -> d.get("detail").asText().split(":")[0])
                .containsExactlyInAnyOrder(
                        "MALFORMED_XML",
                        "DOCTYPE_FORBIDDEN",
                        "DOCTYPE_FORBIDDEN",
                        "MISSING_INPUT",
                        "FORBIDDEN_FUNCTION");

        Fixtures.send(kafka.bootstrapServers(), EVENTS, before(events, switchAt, false));
        long laterUpdates = switchAt + DAY;
        await().ignoreExceptions()
                .atMost(Duration.ofSeconds(120))
                .until(() -> updatedAfter(users(es), laterUpdates).size() >= 20);
        assertThat(updatedAfter(users(es), laterUpdates))
                .allSatisfy(
                        u ->
                                assertThat(versions(u))
                                        .contains("purchase_propensity@hotswap-v2")
                                        .doesNotContain(shipped));
        // Users who stayed away were re-scored as event time moved on: their features are as of
        // whole days after their last visit, and days since last visit says so.
        List<JsonNode> rescored =
                users(es).values().stream()
                        .filter(u -> u.get("days_since_last_visit").asDouble() >= 1)
                        .toList();
        assertThat(rescored).isNotEmpty();
        assertThat(rescored)
                .allSatisfy(
                        u ->
                                assertThat(
                                                Duration.between(
                                                        Instant.parse(u.get("last_seen").asText()),
                                                        Instant.parse(
                                                                u.get("updated_at").asText())))
                                        .isEqualTo(
                                                Duration.ofDays(
                                                        u.get("days_since_last_visit").asLong())));
        assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
        job.cancel().get();
        es.close();
    }

    private static JobClient startJob(KafkaBroker kafka, ElasticsearchConnection connection)
            throws Exception {
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        ClickstreamJob.wire(
                env,
                new JobConfig(
                        kafka.bootstrapServers(),
                        EVENTS,
                        "hotswap",
                        "hotswap-dead-letters",
                        MODELS,
                        "hotswap-marketing-actions",
                        false,
                        Duration.ofSeconds(2),
                        ElasticsearchSinkConfig.defaults(connection),
                        PipelineConfig.defaults()));
        return env.executeAsync("model hot swap");
    }

    /** Six days of a small shop, user ids prefixed so this test's documents are its own. */
    private static List<String> generatedEvents() {
        ClickstreamGenerator generator =
                new ClickstreamGenerator(GeneratorConfig.of(300, 100, 6, 7));
        List<String> events = new ArrayList<>();
        while (generator.hasNext()) {
            ClickEvent event = generator.next();
            events.add(
                    new String(ClickEventJson.toJson(event), StandardCharsets.UTF_8)
                            .replace("\"user_id\":\"", "\"user_id\":\"" + USER_PREFIX));
        }
        return events;
    }

    private static List<String> before(List<String> events, long at, boolean before) {
        return events.stream().filter(e -> (timestamp(e) < at) == before).toList();
    }

    private static long timestamp(String event) {
        int start = event.indexOf("\"ts\":\"") + 6;
        return Instant.parse(event.substring(start, event.indexOf('"', start))).toEpochMilli();
    }

    private static void publishModels(KafkaBroker kafka, List<String> documents) {
        byte[] slot = "purchase_propensity".getBytes(StandardCharsets.UTF_8);
        AcknowledgedSends.send(
                kafka.bootstrapServers(),
                documents.stream()
                        .map(
                                document ->
                                        new ProducerRecord<>(
                                                MODELS,
                                                slot,
                                                document.getBytes(StandardCharsets.UTF_8)))
                        .toList());
    }

    private static Map<String, JsonData> usersRaw(ElasticsearchClient es) throws Exception {
        return AllDocuments.of(
                es,
                "users",
                Query.of(q -> q.prefix(p -> p.field("user_id").value(USER_PREFIX))),
                "user_id",
                JsonData.class);
    }

    /** This test's scored users (taste vectors may land on a user before the scores do). */
    private static Map<String, JsonNode> users(ElasticsearchClient es) throws Exception {
        Map<String, JsonNode> scored = new LinkedHashMap<>();
        rawUsers(es)
                .forEach(
                        (id, user) -> {
                            if (user.has("model_versions")) {
                                scored.put(id, user);
                            }
                        });
        return scored;
    }

    private static Map<String, JsonNode> rawUsers(ElasticsearchClient es) throws Exception {
        return json(usersRaw(es));
    }

    private static Map<String, JsonNode> refusals(ElasticsearchClient es) throws Exception {
        return json(
                AllDocuments.of(
                        es,
                        "dead-letters",
                        Query.of(
                                q ->
                                        q.bool(
                                                b ->
                                                        b.filter(
                                                                        f ->
                                                                                f.term(
                                                                                        t ->
                                                                                                t.field(
                                                                                                                "reason")
                                                                                                        .value(
                                                                                                                "MODEL_REFUSED")))
                                                                .filter(
                                                                        f ->
                                                                                f.prefix(
                                                                                        p ->
                                                                                                p.field(
                                                                                                                "source")
                                                                                                        .value(
                                                                                                                MODELS))))),
                        "source",
                        JsonData.class));
    }

    private static Map<String, JsonNode> json(Map<String, JsonData> documents) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        ObjectMapper mapper = new ObjectMapper();
        documents.forEach((id, doc) -> out.put(id, mapper.valueToTree(doc.to(Object.class))));
        return out;
    }

    private static List<JsonNode> updatedAfter(Map<String, JsonNode> users, long at) {
        return users.values().stream()
                .filter(u -> Instant.parse(u.get("updated_at").asText()).toEpochMilli() > at)
                .toList();
    }

    private static List<String> versions(JsonNode user) {
        List<String> versions = new ArrayList<>();
        user.get("model_versions").forEach(v -> versions.add(v.asText()));
        return versions;
    }

    private static String shippedVersion() {
        String pmml =
                new String(
                        ShippedModels.pmml(ModelSlot.PURCHASE_PROPENSITY), StandardCharsets.UTF_8);
        int start = pmml.indexOf("modelVersion=\"") + 14;
        return pmml.substring(start, pmml.indexOf('"', start));
    }
}
