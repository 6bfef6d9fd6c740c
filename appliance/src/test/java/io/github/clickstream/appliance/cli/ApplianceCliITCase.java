package io.github.clickstream.appliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.clickstream.appliance.localstack.ElasticsearchNode;
import io.github.clickstream.appliance.localstack.LocalStackExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

@ExtendWith(LocalStackExtension.class)
class ApplianceCliITCase {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = ApplianceCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void setupAppliesTheTemplatesAndCreatesTheUsersAlias(ElasticsearchNode es) throws Exception {
        assertThat(run("setup", "--es-url", es.httpUrl())).isZero();

        HttpResponse<String> alias =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(es.httpUrl() + "/_alias/users"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
        assertThat(alias.statusCode()).isEqualTo(200);
        assertThat(alias.body()).contains("users-v1");
        assertThat(out.toString()).contains("Index setup:");
    }

    @Test
    void setupAgainstAClosedPortSaysWhatToDo() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        int exit = run("setup", "--es-url", "http://127.0.0.1:" + closedPort);

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString())
                .contains("refused the connection; is it running? (set --es-url)")
                .doesNotContain("at io.github");
    }

    @Test
    void unknownOptionIsAUsageErrorNotACrash() {
        assertThat(run("setup", "--es-urll", "x")).isEqualTo(2);
        assertThat(err.toString()).contains("'--es-urll'").contains("Possible solutions: --es-url");
    }
}
