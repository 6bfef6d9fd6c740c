package io.github.clickstream.appliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The README's first command, end to end on generated data, finishing by itself. */
class DemoCommandITCase {

    @Test
    void demoRunsThePipelineOnGeneratedEventsAndStopsEverything() {
        StringWriter out = new StringWriter();
        CommandLine cli = ApplianceCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        long childrenBefore = ProcessHandle.current().descendants().count();

        int exit =
                cli.execute(
                        "demo",
                        "--es-port",
                        "0",
                        "--kafka-port",
                        "0",
                        "--events",
                        "20000",
                        "--users",
                        "1000",
                        "--days",
                        "10",
                        "--api-port",
                        "0");

        assertThat(exit).as(out.toString()).isZero();
        String text = out.toString();
        assertThat(text).contains("Index setup: created").contains("Try (");
        Matcher last =
                Pattern.compile(
                                "events sent ([\\d,]+) \\| sessions ([\\d,]+) \\| users ([\\d,]+)"
                                        + " \\| items ([\\d,]+) \\| metrics ([\\d,]+)")
                        .matcher(text);
        String sent = null;
        long sessions = 0;
        long users = 0;
        long items = 0;
        long metrics = 0;
        while (last.find()) {
            sent = last.group(1);
            sessions = Long.parseLong(last.group(2).replace(",", ""));
            users = Long.parseLong(last.group(3).replace(",", ""));
            items = Long.parseLong(last.group(4).replace(",", ""));
            metrics = Long.parseLong(last.group(5).replace(",", ""));
        }
        assertThat(sent).isEqualTo("20,000");
        assertThat(sessions).isGreaterThan(100);
        assertThat(users).isGreaterThan(100).isLessThanOrEqualTo(1000);
        assertThat(items).as("items (vectors, popularity)").isPositive();
        assertThat(metrics).as("dashboards' metrics documents").isPositive();
        assertThat(text)
                .containsPattern("/api/v1/users/user-\\d+/recommendations")
                .containsPattern("/api/v1/experiments/checkout-2026")
                .contains("Checked: every API example above answered 200.")
                .containsPattern(
                        "Recommended for user-\\d+ \\(personal, through the API\\): item-\\d+");
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).count())
                .isLessThanOrEqualTo(childrenBefore);
    }
}
