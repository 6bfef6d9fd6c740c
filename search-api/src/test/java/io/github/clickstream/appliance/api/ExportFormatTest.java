package io.github.clickstream.appliance.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExportFormatTest {

    private static final AudienceMember MEMBER =
            new AudienceMember(
                    "u-1",
                    "at-risk",
                    0.25,
                    0.7,
                    null,
                    30.0,
                    2,
                    12_345_678.5,
                    1.0E-7,
                    "shoes, \"red\"",
                    Instant.parse("2026-11-20T10:15:00Z"));

    @Test
    void csvColumnsAreTheJsonKeysInTheSameOrder() {
        JsonNode json = ApiJson.MAPPER.valueToTree(MEMBER);
        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);

        assertThat(keys).containsExactlyElementsOf(AudienceMember.COLUMNS);
        assertThat(MEMBER.values()).hasSameSizeAs(AudienceMember.COLUMNS);
        assertThat(json.path("orders_30d").asInt()).isEqualTo(2);
        assertThat(json.path("revenue_30d").asDouble()).isEqualTo(12_345_678.5);
    }

    @Test
    void cellsUsePlainNumbersIsoInstantsAndEmptyForMissing() {
        assertThat(ExportFormat.cells(MEMBER))
                .containsExactly(
                        "u-1",
                        "at-risk",
                        "0.25",
                        "0.7",
                        "",
                        "30",
                        "2",
                        "12345678.5",
                        "0.0000001",
                        "shoes, \"red\"",
                        "2026-11-20T10:15:00Z");
    }

    @Test
    void textASpreadsheetWouldRunAsAFormulaIsDefusedButNumbersAreNot() {
        AudienceMember hostile =
                new AudienceMember(
                        "=HYPERLINK(\"http://x\")",
                        "+seg",
                        -0.5,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        "@cat",
                        null);

        List<String> cells = ExportFormat.cells(hostile);

        assertThat(cells.get(0)).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(cells.get(1)).isEqualTo("'+seg");
        assertThat(cells.get(2)).isEqualTo("-0.5");
        assertThat(cells.get(9)).isEqualTo("'@cat");
    }

    @Test
    void formatParameterWinsThenAcceptHeaderThenCsv() {
        assertThat(ExportFormat.choose("NDJSON", "text/csv")).isEqualTo(ExportFormat.NDJSON);
        assertThat(ExportFormat.choose(null, "application/x-ndjson"))
                .isEqualTo(ExportFormat.NDJSON);
        assertThat(ExportFormat.choose(null, "application/ndjson, */*"))
                .isEqualTo(ExportFormat.NDJSON);
        assertThat(ExportFormat.choose(null, "*/*")).isEqualTo(ExportFormat.CSV);
        assertThat(ExportFormat.choose(null, null)).isEqualTo(ExportFormat.CSV);
        assertThatThrownBy(() -> ExportFormat.choose("xlsx", null))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("csv or ndjson");
    }
}
