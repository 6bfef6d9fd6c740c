package io.github.clickstream.appliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The README's first command, end to end, finishing by itself. */
class DemoCommandITCase {

    @Test
    void demoStartsTheStackAppliesMappingsAndStopsEverything() {
        StringWriter out = new StringWriter();
        CommandLine cli = ApplianceCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        long childrenBefore = ProcessHandle.current().descendants().count();

        int exit = cli.execute("demo", "--es-port", "0", "--kafka-port", "0", "--duration", "PT1S");

        assertThat(exit).isZero();
        assertThat(out.toString())
                .contains("Index setup: created")
                .contains("users-v1")
                .contains("Stopping by itself after PT1S.");
        Matcher url =
                Pattern.compile("Elasticsearch: (http://127.0.0.1:\\d+)").matcher(out.toString());
        assertThat(url.find()).isTrue();
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).count())
                .isLessThanOrEqualTo(childrenBefore);
    }
}
