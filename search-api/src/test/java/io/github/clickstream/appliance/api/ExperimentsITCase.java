package io.github.clickstream.appliance.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.clickstream.appliance.localstack.ElasticsearchNode;
import io.github.clickstream.appliance.localstack.LocalStackExtension;
import io.github.clickstream.appliance.mappings.ElasticsearchClients;
import io.github.clickstream.appliance.mappings.ElasticsearchConnection;
import io.github.clickstream.appliance.mappings.IndexSetup;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The experiment report over real session documents: the hand-computed 2×2 table of {@link
 * ExperimentStatisticsTest} (control 100/1,000, treatment 130/1,000), stored as 2,000 sessions next
 * to sessions of another experiment and sessions in no experiment, which must not count.
 */
@ExtendWith(LocalStackExtension.class)
class ExperimentsITCase {

    @RegisterExtension static final ApiUnderTest API = new ApiUnderTest();

    private static ApiTestClient client;

    @BeforeAll
    static void start(ElasticsearchNode es) throws IOException {
        ElasticsearchConnection connection = ElasticsearchConnection.of(es.httpUrl());
        IndexSetup.apply(connection);
        List<BulkOperation> sessions = new ArrayList<>();
        addSessions(sessions, "ex-checkout", "control", 1000, 100, 50.0);
        addSessions(sessions, "ex-checkout", "new-checkout", 1000, 130, 53.08);
        addSessions(sessions, "ex-banner", "control", 40, 40, 10.0);
        addSessions(sessions, "ex-banner", "big-banner", 30, 0, 10.0);
        addSessions(sessions, null, null, 300, 150, 20.0);
        addSessions(sessions, "ex-solo", "only", 10, 3, 1.0);
        try (ElasticsearchClient writer = ElasticsearchClients.create(connection)) {
            var response = writer.bulk(b -> b.operations(sessions).refresh(Refresh.WaitFor));
            assertThat(response.errors()).isFalse();
        }
        client = API.start(connection);
    }

    @Test
    void reportsTheHandComputedTwoByTwoTable() {
        ApiTestClient.Response response = client.get("/api/v1/experiments/ex-checkout");

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("control").asText()).isEqualTo("control");
        assertThat(body.path("sessions").asLong()).isEqualTo(2000);
        JsonNode control = body.path("variants").get(0);
        JsonNode treatment = body.path("variants").get(1);
        assertThat(control.path("variant").asText()).isEqualTo("control");
        assertThat(control.path("conversions").asLong()).isEqualTo(100);
        assertThat(control.path("ci_low").asDouble()).isCloseTo(0.0829094, within(1e-6));
        assertThat(treatment.path("variant").asText()).isEqualTo("new-checkout");
        assertThat(treatment.path("conversion_rate").asDouble()).isEqualTo(0.13);
        assertThat(treatment.path("lift_vs_control").asDouble()).isCloseTo(0.30, within(1e-9));
        assertThat(treatment.path("revenue").asDouble()).isCloseTo(130 * 53.08, within(1e-6));
        JsonNode test = body.path("test");
        assertThat(test.path("chi_square").asDouble()).isCloseTo(4.421518, within(1e-5));
        assertThat(test.path("p_value").asDouble()).isCloseTo(0.0354885, within(1e-6));
        assertThat(test.path("significant").asBoolean()).isTrue();
        assertThat(body.path("large_enough").asBoolean()).isFalse();
    }

    @Test
    void aLargerMinimumLiftNeedsFewerSessions() {
        JsonNode body = client.get("/api/v1/experiments/ex-checkout?min_lift=0.5").json();

        assertThat(body.path("variants").get(0).path("required_sessions").asLong()).isEqualTo(686);
        assertThat(body.path("large_enough").asBoolean()).isTrue();
    }

    @Test
    void theControlCanBeChosenAndLiftIsMeasuredAgainstIt() {
        JsonNode body = client.get("/api/v1/experiments/ex-checkout?control=new-checkout").json();

        assertThat(body.path("control").asText()).isEqualTo("new-checkout");
        // (0.10 - 0.13) / 0.13
        assertThat(body.path("variants").get(0).path("lift_vs_control").asDouble())
                .isCloseTo(-0.230769, within(1e-6));
    }

    @Test
    void degenerateExperimentsExplainWhyThereIsNoTest() {
        JsonNode solo = client.get("/api/v1/experiments/ex-solo").json();
        assertThat(solo.path("test").path("p_value").isNull()).isTrue();
        assertThat(solo.path("test").path("note").asText()).contains("two variants");

        // control converts 40/40, big-banner 0/30: valid table, expected counts fine.
        JsonNode banner = client.get("/api/v1/experiments/ex-banner").json();
        assertThat(banner.path("test").path("degrees_of_freedom").asInt()).isEqualTo(1);
        assertThat(banner.path("variants").get(0).path("variant").asText()).isEqualTo("big-banner");
        assertThat(banner.path("control").asText()).isEqualTo("control");
    }

    @Test
    void unknownExperimentsAndBadParametersAreClientErrors() {
        assertThat(client.get("/api/v1/experiments/no-such-test").status()).isEqualTo(404);
        ApiTestClient.Response badControl =
                client.get("/api/v1/experiments/ex-checkout?control=treatment");
        assertThat(badControl.status()).isEqualTo(400);
        assertThat(badControl.errorMessage()).contains("new-checkout");
        assertThat(client.get("/api/v1/experiments/ex-checkout?min_lift=0").status())
                .isEqualTo(400);
        assertThat(client.get("/api/v1/experiments/ex-checkout?min_lift=abc").status())
                .isEqualTo(400);
        assertThat(client.get("/api/v1/experiments/ex-checkout?size=3").status()).isEqualTo(400);
    }

    private static void addSessions(
            List<BulkOperation> operations,
            String experiment,
            String variant,
            int sessions,
            int converted,
            double revenuePerConversion) {
        String prefix = experiment == null ? "none" : experiment + "-" + variant;
        for (int i = 0; i < sessions; i++) {
            Map<String, Object> session = new LinkedHashMap<>();
            session.put("session_id", prefix + "-" + i);
            session.put("user_id", prefix + "-user-" + i);
            session.put("start", "2026-11-02T10:00:00Z");
            session.put("converted", i < converted);
            session.put("revenue", i < converted ? revenuePerConversion : 0.0);
            if (experiment != null) {
                session.put("experiment", experiment);
                session.put("variant", variant);
            }
            String id = prefix + "-" + i;
            operations.add(
                    BulkOperation.of(
                            o ->
                                    o.index(
                                            x ->
                                                    x.index("sessions-2026.11")
                                                            .id(id)
                                                            .document(session))));
        }
    }
}
