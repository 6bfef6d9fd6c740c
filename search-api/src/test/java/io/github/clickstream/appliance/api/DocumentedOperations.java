package io.github.clickstream.appliance.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The operations the running API's OpenAPI document lists, each with the role its {@code
 * x-required-role} names: what the auth tests and the fuzzer hold the API to.
 */
final class DocumentedOperations {

    /** One documented operation; {@code path} is the template, e.g. {@code /api/v1/users/{id}}. */
    record Operation(String method, String path, String role) {

        /** The path with every parameter replaced by {@code value} (URL-encoded by the caller). */
        String pathWith(String value) {
            return path.replaceAll("\\{[^}]+}", java.util.regex.Matcher.quoteReplacement(value));
        }

        boolean open() {
            return role.equals("open");
        }

        @Override
        public String toString() {
            return method + " " + path + " (" + role + ")";
        }
    }

    private DocumentedOperations() {}

    static List<Operation> of(ApiTestClient client) {
        JsonNode paths = client.get("/openapi.json").json().path("paths");
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String role = operation.getValue().path("x-required-role").asText();
                assertThat(role)
                        .as("x-required-role of %s %s", operation.getKey(), path.getKey())
                        .isNotEmpty();
                operations.add(
                        new Operation(
                                operation.getKey().toUpperCase(Locale.ROOT), path.getKey(), role));
            }
        }
        return operations;
    }
}
