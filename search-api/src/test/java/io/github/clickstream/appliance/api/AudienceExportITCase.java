package io.github.clickstream.appliance.api;

import static io.github.clickstream.appliance.api.AudienceFixtures.EXAMPLE_FILTER;
import static io.github.clickstream.appliance.api.AudienceFixtures.EXAMPLE_MATCHES;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.github.clickstream.appliance.localstack.ElasticsearchNode;
import io.github.clickstream.appliance.localstack.LocalStackExtension;
import io.github.clickstream.appliance.mappings.ElasticsearchConnection;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Exports of the hand-made users of {@link AudienceFixtures}, in both formats and under a cap. */
@ExtendWith(LocalStackExtension.class)
class AudienceExportITCase {

    private static final String EXPORT = "/api/v1/audiences/export";
    private static final String EXAMPLE = "{\"filter\": " + EXAMPLE_FILTER + "}";

    @RegisterExtension static final ApiUnderTest API = new ApiUnderTest();
    @RegisterExtension static final ApiUnderTest CAPPED = new ApiUnderTest();

    private static ApiTestClient client;
    private static ApiTestClient cappedClient;

    @BeforeAll
    static void start(ElasticsearchNode es) throws IOException {
        ElasticsearchConnection connection = ElasticsearchConnection.of(es.httpUrl());
        Fixtures.index(connection, List.of(), AudienceFixtures.users());
        // Pages of 2 rows, so even these few users take several point-in-time pages.
        client =
                API.start(
                        SearchApiConfig.local(connection, TestKeys.KEYS)
                                .withLimits(new ApiLimits(500, 1000, 2)));
        cappedClient =
                CAPPED.start(
                        SearchApiConfig.local(connection, TestKeys.KEYS)
                                .withLimits(new ApiLimits(500, 3, 2)));
    }

    @Test
    void csvIsTheDefaultWithTheDocumentedHeaderAndHandCheckedRows() throws IOException {
        ApiTestClient.Response response = client.post(EXPORT, EXAMPLE);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
                .contains("audience.csv");
        assertThat(response.headers().firstValue("X-Total-Count")).hasValue("4");
        assertThat(response.headers().firstValue("X-Export-Rows")).hasValue("4");
        assertThat(response.headers().firstValue("X-Export-Row-Cap")).hasValue("1000");
        List<CsvRecord> records = parse(response.body());
        assertThat(records.get(0).getFields())
                .containsExactlyElementsOf(AudienceFixtures.DOCUMENTED_FIELDS);
        List<CsvRecord> rows = records.subList(1, records.size());
        assertThat(rows.stream().map(r -> r.getField(0)).sorted())
                .containsExactlyElementsOf(EXAMPLE_MATCHES);
        CsvRecord first =
                rows.stream().filter(r -> r.getField(0).equals("au-01")).findFirst().orElseThrow();
        assertThat(first.getFields())
                .containsExactly(
                        "au-01",
                        "au-at-risk",
                        "0.1",
                        "0.9",
                        "3.5",
                        "30",
                        "0",
                        "0",
                        "12345678.5",
                        "electronics",
                        "2026-11-20T10:15:00Z");
        CsvRecord second =
                rows.stream().filter(r -> r.getField(0).equals("au-02")).findFirst().orElseThrow();
        assertThat(second.getFields())
                .containsExactly(
                        "au-02", "au-at-risk", "0.2", "0.75", "", "59", "1", "12.5", "", "", "");
    }

    @Test
    void ndjsonByParameterOrAcceptHeaderHasTheSearchResultKeys() throws IOException {
        ApiTestClient.Response byParameter = client.post(EXPORT + "?format=ndjson", EXAMPLE);
        ApiTestClient.Response byAccept =
                client.post(EXPORT, EXAMPLE, Map.of("Accept", "application/x-ndjson"));

        for (ApiTestClient.Response response : List.of(byParameter, byAccept)) {
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse(""))
                    .startsWith("application/x-ndjson");
            List<JsonNode> lines = ndjson(response.body());
            lines.sort(Comparator.comparing(l -> l.path("user_id").asText()));
            assertThat(lines.stream().map(l -> l.path("user_id").asText()))
                    .containsExactlyElementsOf(EXAMPLE_MATCHES);
            JsonNode searched =
                    client.post(
                                    "/api/v1/audiences/search",
                                    "{\"filter\": {\"user_id\": [\"au-01\"]}}")
                            .json()
                            .path("users")
                            .get(0);
            assertThat(lines.get(0)).isEqualTo(searched);
        }
    }

    @Test
    void formatParameterWinsOverTheAcceptHeader() {
        ApiTestClient.Response response =
                client.post(
                        EXPORT + "?format=csv", EXAMPLE, Map.of("Accept", "application/x-ndjson"));

        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    }

    @Test
    void rowCapStopsTheExportAndTheHeadersSaySo() throws IOException {
        String bothSegments = "{\"filter\": {\"segment\": [\"au-at-risk\", \"au-loyal\"]}}";
        ApiTestClient.Response response = cappedClient.post(EXPORT, bothSegments);

        assertThat(response.headers().firstValue("X-Total-Count")).hasValue("12");
        assertThat(response.headers().firstValue("X-Export-Rows")).hasValue("3");
        assertThat(response.headers().firstValue("X-Export-Row-Cap")).hasValue("3");
        assertThat(parse(response.body())).hasSize(1 + 3);
    }

    @Test
    void noMatchesIsTheHeaderAlone() throws IOException {
        ApiTestClient.Response response =
                client.post(EXPORT, "{\"filter\": {\"segment\": [\"au-nobody\"]}}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Export-Rows")).hasValue("0");
        assertThat(parse(response.body())).hasSize(1);
    }

    @Test
    void badFiltersAndFormatsAre400BeforeAnythingIsStreamed() {
        for (String[] call :
                List.of(
                        new String[] {EXPORT, "{\"filter\": \"segment_name:*\"}"},
                        new String[] {EXPORT, "{\"filter\": {\"script\": {\"source\": \"1\"}}}"},
                        new String[] {EXPORT, "{\"filter\": {}, \"size\": 10}"},
                        new String[] {EXPORT, "{}"},
                        new String[] {EXPORT + "?format=xml", EXAMPLE},
                        new String[] {EXPORT + "?limit=5", EXAMPLE})) {
            ApiTestClient.Response response = client.post(call[0], call[1]);

            assertThat(response.status()).as(call[0] + " " + call[1]).isEqualTo(400);
            assertThat(response.errorMessage()).isNotBlank();
        }
    }

    private static List<CsvRecord> parse(String csv) throws IOException {
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(csv)) {
            return reader.stream().toList();
        }
    }

    private static List<JsonNode> ndjson(String body) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : body.split("\n")) {
            lines.add(json.readTree(line));
        }
        assertThat(body).endsWith("\n");
        return lines;
    }
}
