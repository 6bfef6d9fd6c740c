package io.github.clickstream.appliance.mappings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
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
