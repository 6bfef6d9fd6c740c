package io.github.clickstream.appliance.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.clickstream.appliance.events.ClickEvent;
import io.github.clickstream.appliance.events.ClickEventJson;
import io.github.clickstream.appliance.events.ClickEventParser;
import io.github.clickstream.appliance.events.ParseResult;
import io.github.clickstream.appliance.events.RawEvent;
import io.github.clickstream.appliance.events.generator.ClickstreamGenerator;
import io.github.clickstream.appliance.events.generator.GeneratorConfig;
import io.github.clickstream.appliance.pipeline.PipelineConfig;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EndToEndPartsTest {

    private static final long SENT = Instant.parse("2026-11-30T12:00:00Z").toEpochMilli();

    @Test
    void percentileIsTheNearestRank() {
        double[] hundred = new double[100];
        for (int i = 0; i < 100; i++) {
            hundred[i] = 100 - i; // 100, 99, ..., 1: unsorted on purpose
        }
        assertThat(Numbers.percentile(hundred, 0.50)).isEqualTo(50);
        assertThat(Numbers.percentile(hundred, 0.99)).isEqualTo(99);
        assertThat(Numbers.percentile(new double[] {7, 3, 5}, 0.99)).isEqualTo(7);
        assertThat(Numbers.percentile(new double[] {7}, 0.5)).isEqualTo(7);
        assertThat(Numbers.percentile(new double[0], 0.5)).isNaN();
    }

    @Test
    void baselineReadsUserAndEventTimeOfGeneratedEvents() throws Exception {
        ClickstreamGenerator generator = new ClickstreamGenerator(GeneratorConfig.of(20, 50, 1, 3));
        for (int i = 0; i < 200 && generator.hasNext(); i++) {
            ClickEvent event = generator.next();
            SessionCountJob.UserEvent read =
                    SessionCountJob.ParseJson.parse(ClickEventJson.toJson(event));
            assertThat(read)
                    .isEqualTo(new SessionCountJob.UserEvent(event.userId(), event.timestamp()));
        }
    }

    @Test
    void markerIsValidAndItsSessionIsDueOnArrivalButNotTooLate() {
        ClickEvent marker = VisibilityLatency.marker("e2e-marker-7", SENT);
        ParseResult parsed =
                new ClickEventParser()
                        .parse(new RawEvent(ClickEventJson.toJson(marker), "t@0", SENT));
        assertThat(parsed.valid()).isTrue();
        assertThat(parsed.event().userId()).isEqualTo("e2e-marker-7");

        long windowEnd = marker.timestamp() + PipelineConfig.DEFAULT_SESSION_GAP.toMillis();
        // Due: the watermark (sent time minus out-of-orderness) has passed the end of its window.
        assertThat(windowEnd).isLessThan(SENT - PipelineConfig.DEFAULT_OUT_OF_ORDERNESS.toMillis());
        // Not dropped: the window is still within the allowed lateness.
        assertThat(windowEnd + PipelineConfig.DEFAULT_ALLOWED_LATENESS.toMillis())
                .isGreaterThan(SENT);
    }
}
