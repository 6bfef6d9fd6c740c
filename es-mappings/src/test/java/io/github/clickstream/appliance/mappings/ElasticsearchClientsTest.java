package io.github.clickstream.appliance.mappings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ElasticsearchClientsTest {

    @TempDir Path folder;

    @Test
    void refusedConnectionTellsTheUserToStartElasticsearchOrSetTheUrl() throws IOException {
        String url = "http://127.0.0.1:" + closedPort();

        assertThatThrownBy(() -> IndexSetup.apply(ElasticsearchConnection.of(url)))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage(
                        "Elasticsearch at "
                                + url
                                + " refused the connection; is it running? (set --es-url)");
    }

    @Test
    void missingUrlIsRejectedWithTheFlagToSet() {
        assertThatThrownBy(() -> ElasticsearchConnection.of(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Elasticsearch URL is missing (set --es-url)");
    }

    @Test
    void unreadableCaCertificateNamesTheFileAndTheFlag() {
        Path missing = folder.resolve("no-such-ca.crt");
        ElasticsearchConnection connection =
                new ElasticsearchConnection(
                        "https://127.0.0.1:9200", null, null, null, missing.toString());

        assertThatThrownBy(() -> ElasticsearchClients.create(connection))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(
                        "Cannot use CA certificate "
                                + missing
                                + " (set --es-ca-cert to a PEM file)");
    }

    @Test
    void clientTrustsAServerSignedByTheGivenCaCertificate()
            throws IOException, GeneralSecurityException {
        try (SelfSignedServer server = SelfSignedServer.start(folder);
                ElasticsearchClient client =
                        ElasticsearchClients.create(
                                new ElasticsearchConnection(
                                        server.url(),
                                        null,
                                        null,
                                        null,
                                        server.caCertificate().toString()))) {
            assertThat(client.ping().value()).isTrue();
        }
    }

    @Test
    void withoutTheCaCertificateTheSameServerIsNotTrusted()
            throws IOException, GeneralSecurityException {
        try (SelfSignedServer server = SelfSignedServer.start(folder);
                ElasticsearchClient client =
                        ElasticsearchClients.create(ElasticsearchConnection.of(server.url()))) {
            assertThatThrownBy(client::ping).isInstanceOf(SSLException.class);
        }
    }

    @Test
    void credentialsGoOnEveryRequestWithoutWaitingForAChallenge() throws Exception {
        assertThat(
                        authorizationHeadersSent(
                                new ElasticsearchConnection(
                                        "http://placeholder", null, "elastic", "pä:ss", null)))
                .containsExactly("Basic ZWxhc3RpYzpww6Q6c3M=", "Basic ZWxhc3RpYzpww6Q6c3M=");
        assertThat(
                        authorizationHeadersSent(
                                new ElasticsearchConnection(
                                        "http://placeholder", "a2V5", null, null, null)))
                .containsExactly("ApiKey a2V5", "ApiKey a2V5");
        assertThat(
                        authorizationHeadersSent(
                                new ElasticsearchConnection(
                                        "http://placeholder", null, null, null, null)))
                .containsExactly("none", "none");
    }

    /**
     * The Authorization header of each of two pings the client sends to a local HTTP server that
     * answers 200 without asking for credentials ("none" when absent). The URL of {@code
     * connection} is replaced by the server's.
     */
    private static List<String> authorizationHeadersSent(ElasticsearchConnection connection)
            throws IOException {
        List<String> seen = new CopyOnWriteArrayList<>();
        HttpServer server =
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(
                "/",
                exchange -> {
                    String header = exchange.getRequestHeaders().getFirst("Authorization");
                    seen.add(header == null ? "none" : header);
                    exchange.getResponseHeaders().add("X-elastic-product", "Elasticsearch");
                    exchange.sendResponseHeaders(200, -1);
                    exchange.close();
                });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        try (ElasticsearchClient client =
                ElasticsearchClients.create(
                        new ElasticsearchConnection(
                                url,
                                connection.apiKey(),
                                connection.username(),
                                connection.password(),
                                null))) {
            assertThat(client.ping().value()).isTrue();
            assertThat(client.ping().value()).isTrue();
        } finally {
            server.stop(0);
        }
        return seen;
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void connectionWithACaCertificateSurvivesJavaSerialization() throws Exception {
        // Flink ships operators (and the connection inside them) serialized to its task managers.
        ElasticsearchConnection connection =
                new ElasticsearchConnection(
                        "https://es:9200", "key", null, null, "/etc/ssl/ca.pem");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(connection);
        }
        try (java.io.ObjectInputStream in =
                new java.io.ObjectInputStream(
                        new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            org.assertj.core.api.Assertions.assertThat(in.readObject()).isEqualTo(connection);
        }
    }
}
