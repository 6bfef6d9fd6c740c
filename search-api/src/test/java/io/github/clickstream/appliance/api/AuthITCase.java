package io.github.clickstream.appliance.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.clickstream.appliance.api.DocumentedOperations.Operation;
import io.github.clickstream.appliance.localstack.ElasticsearchNode;
import io.github.clickstream.appliance.localstack.LocalStackExtension;
import io.github.clickstream.appliance.mappings.ElasticsearchConnection;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The auth matrix: every operation the OpenAPI document lists, called with no key, a forged key, a
 * reader key and an admin key, must be refused or let through exactly as its documented {@code
 * x-required-role} says.
 */
@ExtendWith(LocalStackExtension.class)
class AuthITCase {

    @RegisterExtension static final ApiUnderTest API = new ApiUnderTest();

    private static ApiTestClient admin;

    @BeforeAll
    static void start(ElasticsearchNode es) throws IOException {
        ElasticsearchConnection connection = ElasticsearchConnection.of(es.httpUrl());
        Fixtures.index(
                connection,
                List.of(Fixtures.item("auth-probe", "c", "b", 1, Fixtures.vector(60, 61, 0.1))),
                List.of());
        API.start(connection);
        // Unchecked: an operation may fail for other reasons (no Kafka for erasure); only the
        // auth outcome is under test here.
        admin = new ApiTestClient(API.running().url(), false);
    }

    @Test
    void everyDocumentedOperationEnforcesItsRole() {
        List<Operation> operations = documentedOperations();
        assertThat(operations).extracting(Operation::role).contains("open", "reader");

        for (Operation operation : operations) {
            int anonymous = call(admin.withToken(null), operation);
            int forged = call(admin.withToken("not-a-key-" + TestKeys.ADMIN_TOKEN), operation);
            int reader = call(admin.withToken(TestKeys.READER_TOKEN), operation);
            int adminStatus = call(admin, operation);
            switch (operation.role()) {
                case "open" -> {
                    assertThat(List.of(anonymous, forged, reader, adminStatus))
                            .as("%s", operation)
                            .doesNotContain(401, 403);
                }
                case "reader" -> {
                    assertThat(anonymous).as("anonymous %s", operation).isEqualTo(401);
                    assertThat(forged).as("forged key %s", operation).isEqualTo(401);
                    assertThat(List.of(reader, adminStatus))
                            .as("%s", operation)
                            .doesNotContain(401, 403);
                }
                case "admin" -> {
                    assertThat(anonymous).as("anonymous %s", operation).isEqualTo(401);
                    assertThat(forged).as("forged key %s", operation).isEqualTo(401);
                    assertThat(reader).as("reader %s", operation).isEqualTo(403);
                    assertThat(adminStatus).as("admin %s", operation).isNotIn(401, 403);
                }
                default -> throw new AssertionError("Unknown role in " + operation);
            }
        }
    }

    @Test
    void refusalsSayWhatIsMissingAndAskForABearerToken() {
        ApiTestClient.Response missing = admin.withToken(null).get("/api/v1/items/any/similar");
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.errorCode()).isEqualTo("unauthorized");
        assertThat(missing.errorMessage()).contains("Authorization: Bearer");

        ApiTestClient.Response wrongScheme =
                admin.withToken(null)
                        .requestWithHeader(
                                "/api/v1/items/any/similar",
                                "Authorization",
                                "Basic " + TestKeys.ADMIN_TOKEN);
        assertThat(wrongScheme.status()).isEqualTo(401);
    }

    @Test
    void healthAndTheDocumentStayOpen() {
        assertThat(admin.withToken(null).get("/health").status()).isEqualTo(200);
        assertThat(admin.withToken(null).get("/openapi.json").status()).isEqualTo(200);
    }

    private static int call(ApiTestClient client, Operation operation) {
        String body = operation.method().equals("POST") ? "{}" : null;
        return client.request(operation.method(), operation.path(), body).status();
    }

    private static List<Operation> documentedOperations() {
        return DocumentedOperations.of(admin).stream()
                .map(o -> new Operation(o.method(), o.pathWith("auth-probe"), o.role()))
                .toList();
    }
}
