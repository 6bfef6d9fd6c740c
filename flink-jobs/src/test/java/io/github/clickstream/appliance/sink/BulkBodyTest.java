package io.github.clickstream.appliance.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.clickstream.appliance.sink.DocumentWrite.Action;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BulkBodyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyWriteBecomesItsActionLineAndItsDocumentAsSent() throws Exception {
        List<DocumentWrite> writes =
                List.of(
                        new DocumentWrite(Action.INDEX, "sessions-2026.11", "s\"1\\x", "{\"a\":1}"),
                        new DocumentWrite(
                                Action.UPSERT, "users", "u-1", "{\"b\":\"line\\nbreak\"}"),
                        new DocumentWrite(Action.DELETE, "users", "u-2", null));

        String body = new String(BulkBody.of(writes), StandardCharsets.UTF_8);

        assertThat(body).endsWith("\n");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : body.split("\n")) {
            lines.add(JSON.readTree(line));
        }
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0))
                .isEqualTo(
                        JSON.readTree(
                                "{\"index\":{\"_index\":\"sessions-2026.11\",\"_id\":\"s\\\"1\\\\x\"}}"));
        assertThat(lines.get(1)).isEqualTo(JSON.readTree("{\"a\":1}"));
        assertThat(lines.get(2))
                .isEqualTo(
                        JSON.readTree(
                                "{\"update\":{\"_index\":\"users\",\"_id\":\"u-1\",\"retry_on_conflict\":3}}"));
        assertThat(lines.get(3))
                .isEqualTo(
                        JSON.readTree("{\"doc\":{\"b\":\"line\\nbreak\"},\"doc_as_upsert\":true}"));
        assertThat(lines.get(4))
                .isEqualTo(JSON.readTree("{\"delete\":{\"_index\":\"users\",\"_id\":\"u-2\"}}"));
    }
}
