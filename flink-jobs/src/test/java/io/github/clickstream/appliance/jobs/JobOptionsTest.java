package io.github.clickstream.appliance.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class JobOptionsTest {

    private static JobConfig parse(String... args) {
        JobOptions options = new JobOptions();
        new CommandLine(options).parseArgs(args);
        return options.toConfig();
    }

    @Test
    void metricsRetentionIsOneDayUnlessSet() {
        assertThat(parse().pipeline().metricsRetention()).isEqualTo(Duration.ofDays(1));
        assertThat(parse("--metrics-retention", "PT2H").pipeline().metricsRetention())
                .isEqualTo(Duration.ofHours(2));
    }

    @Test
    void metricsRetentionShorterThanSessionGapPlusLatenessIsRefused() {
        // default gap 30 min + lateness 10 min = 40 min
        assertThat(parse("--metrics-retention", "PT40M").pipeline().metricsRetention())
                .isEqualTo(Duration.ofMinutes(40));
        assertThatThrownBy(() -> parse("--metrics-retention", "PT39M"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--metrics-retention PT39M")
                .hasMessageContaining("--session-gap PT30M")
                .hasMessageContaining("--allowed-lateness PT10M")
                .hasMessageEndingWith("set it to at least PT40M");
    }
}
