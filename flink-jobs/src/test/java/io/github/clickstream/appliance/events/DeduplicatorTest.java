package io.github.clickstream.appliance.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.clickstream.appliance.erasure.Erasure;
import java.time.Duration;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class DeduplicatorTest {

    private static final long BEGINNING = 1_700_000_000_000L;
    private static final long MINUTE = 60_000;

    @Test
    void secondCopyOfAnEventGoesToTheSideOutputAndIsForgottenAfterTheWindow() throws Exception {
        try (var harness = harness(Duration.ofMinutes(10))) {
            harness.open();
            harness.processElement1(record(view("e1", 0)));
            harness.processElement1(record(view("e1", 1)));
            harness.processElement1(record(view("e2", 2)));

            assertThat(harness.extractOutputValues())
                    .extracting(ClickEvent::eventId)
                    .containsExactly("e1", "e2");
            assertThat(harness.getSideOutput(Deduplicator.DUPLICATES))
                    .extracting(r -> r.getValue().eventId())
                    .containsExactly("e1");

            harness.processBothWatermarks(new Watermark(BEGINNING + 30 * MINUTE));
            assertThat(harness.numKeyedStateEntries()).isZero();

            // after the window the same id is new again
            harness.processElement1(record(view("e1", 31)));
            assertThat(harness.extractOutputValues()).hasSize(3);
        }
    }

    @Test
    void idsAreRememberedPerUser() throws Exception {
        try (var harness = harness(Duration.ofMinutes(10))) {
            harness.open();
            harness.processElement1(record(view("shared-id", 0)));
            ClickEvent other =
                    new ClickEvent(
                            "shared-id",
                            "u2",
                            EventType.VIEW,
                            "i1",
                            "c1",
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            BEGINNING);
            harness.processElement1(new StreamRecord<>(other, other.timestamp()));

            assertThat(harness.extractOutputValues()).hasSize(2);
            assertThat(harness.getSideOutput(Deduplicator.DUPLICATES)).isNull();
        }
    }

    @Test
    void erasureForgetsTheUsersEventIdsAndDropsTheirLaterEvents() throws Exception {
        try (var harness = harness(Duration.ofMinutes(10))) {
            harness.open();
            harness.processElement1(record(view("e1", 0)));

            harness.processElement2(new StreamRecord<>(new Erasure("u1", BEGINNING)));
            harness.processElement1(record(view("e2", 1)));

            assertThat(harness.extractOutputValues())
                    .extracting(ClickEvent::eventId)
                    .containsExactly("e1");
            // the event ids are gone; only the user's erased mark is left
            assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
        }
    }

    private static KeyedTwoInputStreamOperatorTestHarness<String, ClickEvent, Erasure, ClickEvent>
            harness(Duration window) throws Exception {
        return new KeyedTwoInputStreamOperatorTestHarness<>(
                new KeyedCoProcessOperator<>(new Deduplicator(window)),
                ClickEvent::userId,
                Erasure::userId,
                Types.STRING);
    }

    private static StreamRecord<ClickEvent> record(ClickEvent event) {
        return new StreamRecord<>(event, event.timestamp());
    }

    private static ClickEvent view(String id, long minute) {
        return new ClickEvent(
                id,
                "u1",
                EventType.VIEW,
                "i1",
                "c1",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                BEGINNING + minute * MINUTE);
    }
}
