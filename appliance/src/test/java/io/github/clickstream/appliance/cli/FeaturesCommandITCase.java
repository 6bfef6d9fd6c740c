package io.github.clickstream.appliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.clickstream.appliance.events.ClickEvent;
import io.github.clickstream.appliance.events.EventType;
import io.github.clickstream.appliance.events.generator.ClickstreamGenerator;
import io.github.clickstream.appliance.events.generator.GeneratorConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class FeaturesCommandITCase {

    @Test
    void generatedFileBecomesATrainingTableWithTheRightUsersAndLabels(@TempDir Path dir)
            throws Exception {
        Path events = dir.resolve("events.jsonl");
        Path table = dir.resolve("table.csv");
        CommandLine cli = ApplianceCli.commandLine();
        cli.setOut(new PrintWriter(new StringWriter(), true));
        assertThat(
                        cli.execute(
                                "generate",
                                "--users",
                                "500",
                                "--items",
                                "300",
                                "--days",
                                "20",
                                "--seed",
                                "5",
                                "--output",
                                events.toString()))
                .isZero();
        Instant asOf = GeneratorConfig.DEFAULT_START.plus(Duration.ofDays(10));

        int exit =
                cli.execute(
                        "features",
                        "--input",
                        events.toString(),
                        "--as-of",
                        asOf.toString(),
                        "--out",
                        table.toString());

        assertThat(exit).isZero();
        List<ClickEvent> all = new ArrayList<>();
        new ClickstreamGenerator(
                        new GeneratorConfig(500, 300, 20, 5, GeneratorConfig.DEFAULT_START))
                .forEachRemaining(all::add);
        long cut = asOf.toEpochMilli();
        Set<String> usersBefore =
                all.stream()
                        .filter(e -> e.timestamp() <= cut)
                        .map(ClickEvent::userId)
                        .collect(Collectors.toSet());
        Set<String> buyers =
                all.stream()
                        .filter(e -> e.eventType() == EventType.PURCHASE)
                        .filter(
                                e ->
                                        e.timestamp() > cut
                                                && e.timestamp()
                                                        <= cut + Duration.ofDays(7).toMillis())
                        .map(ClickEvent::userId)
                        .filter(usersBefore::contains)
                        .collect(Collectors.toSet());
        List<String> lines = Files.readAllLines(table);
        assertThat(lines.get(0))
                .startsWith("user_id,sessions_7d,")
                .endsWith(",purchased_next_7d,churned_30d");
        assertThat(lines).hasSize(usersBefore.size() + 1);
        Set<String> labelledBuyers =
                lines.stream()
                        .skip(1)
                        .map(line -> line.split(",", -1))
                        .filter(cells -> cells[cells.length - 2].equals("1"))
                        .map(cells -> cells[0])
                        .collect(Collectors.toSet());
        assertThat(labelledBuyers).isEqualTo(buyers).isNotEmpty();
    }

    @Test
    void taobaoCsvSampleBecomesATableOfEveryUserSeenBeforeTheCutOff(@TempDir Path dir)
            throws Exception {
        Path file = Path.of("../../shared/data/taobao-userbehavior-110k.csv");
        org.junit.jupiter.api.Assumptions.assumeTrue(
                Files.isReadable(file), "skipped: the shared Taobao sample is not on this machine");
        long cut = 1_511_662_000L; // epoch seconds, about an hour into the sample
        Set<String> usersBefore =
                Files.readAllLines(file).stream()
                        .map(line -> line.split(","))
                        .filter(cells -> Long.parseLong(cells[4]) <= cut)
                        .map(cells -> cells[0])
                        .collect(Collectors.toSet());
        Path table = dir.resolve("taobao.csv");
        CommandLine cli = ApplianceCli.commandLine();
        cli.setOut(new PrintWriter(new StringWriter(), true));

        int exit =
                cli.execute(
                        "features",
                        "--input",
                        file.toString(),
                        "--format",
                        "taobao",
                        "--as-of",
                        Instant.ofEpochSecond(cut).toString(),
                        "--out",
                        table.toString());

        assertThat(exit).isZero();
        List<String> lines = Files.readAllLines(table);
        assertThat(usersBefore).hasSizeGreaterThan(1_000);
        assertThat(lines).hasSize(usersBefore.size() + 1);
        assertThat(lines.stream().skip(1).map(line -> line.split(",", -1)[0]))
                .containsExactlyInAnyOrderElementsOf(usersBefore);
    }
}
