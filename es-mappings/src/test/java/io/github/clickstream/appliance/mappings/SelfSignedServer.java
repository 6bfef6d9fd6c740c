package io.github.clickstream.appliance.mappings;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * An https server on 127.0.0.1 with a fresh self-signed certificate (made by the JDK's keytool),
 * answering every request like an Elasticsearch root endpoint. It stands in for a TLS-protected
 * cluster, so the client's CA-certificate path is tested against a real handshake.
 */
final class SelfSignedServer implements AutoCloseable {

    private static final String PASSWORD = "changeit";

    private final HttpsServer server;
    private final Path caCertificate;

    private SelfSignedServer(HttpsServer server, Path caCertificate) {
        this.server = server;
        this.caCertificate = caCertificate;
    }

    static SelfSignedServer start(Path folder) throws IOException, GeneralSecurityException {
        Path keyStore = folder.resolve("server.p12");
        Path certificate = folder.resolve("ca.crt");
        keytool(
                "-genkeypair",
                "-alias",
                "es",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-dname",
                "CN=127.0.0.1",
                "-ext",
                "SAN=ip:127.0.0.1",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                keyStore.toString(),
                "-storepass",
                PASSWORD,
                "-keypass",
                PASSWORD);
        keytool(
                "-exportcert",
                "-rfc",
                "-alias",
                "es",
                "-keystore",
                keyStore.toString(),
                "-storepass",
                PASSWORD,
                "-file",
                certificate.toString());

        HttpsServer server =
                HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext(keyStore)));
        server.createContext(
                "/",
                exchange -> {
                    // The client refuses answers that do not say they come from Elasticsearch.
                    exchange.getResponseHeaders().add("X-Elastic-Product", "Elasticsearch");
                    exchange.sendResponseHeaders(200, -1);
                    exchange.close();
                });
        server.start();
        return new SelfSignedServer(server, certificate);
    }

    String url() {
        return "https://127.0.0.1:" + server.getAddress().getPort();
    }

    Path caCertificate() {
        return caCertificate;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static SSLContext serverContext(Path keyStore)
            throws IOException, GeneralSecurityException {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(keyStore.toFile())) {
            keys.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory keyManagers =
                KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), null, null);
        return context;
    }

    private static void keytool(String... arguments) throws IOException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = new ArrayList<>(List.of(keytool.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("keytool " + arguments[0] + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while running keytool", e);
        }
    }
}
