package io.github.clickstream.appliance.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.clickstream.appliance.sessions.SessionSummary;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class SessionSegmentsTest {

    private static final long HOUR = 3_600_000;
    private static final long T0 = 1_700_000_000_000L;

    @Test
    void aSessionCarriesTheSegmentScoredBeforeItWhicheverInputArrivesFirst() throws Exception {
        // Session 1 (ends at T0+1h) is scored "loyal" at its own timestamp; session 2 (T0+5h)
        // must be tagged "loyal", session 1 "unscored", in both arrival orders.
        for (boolean scoresFirst : new boolean[] {true, false}) {
            try (var harness = harness()) {
                harness.open();
                StreamRecord<SessionSummary> first =
                        new StreamRecord<>(session(T0, T0 + HOUR), T0 + HOUR);
                StreamRecord<SessionSummary> second =
                        new StreamRecord<>(session(T0 + 4 * HOUR, T0 + 5 * HOUR), T0 + 5 * HOUR);
                StreamRecord<UserSegment> scoreOfFirst =
                        new StreamRecord<>(new UserSegment("u1", "loyal"), T0 + HOUR);
                StreamRecord<UserSegment> scoreOfSecond =
                        new StreamRecord<>(new UserSegment("u1", "big-spender"), T0 + 5 * HOUR);
                if (scoresFirst) {
                    harness.processElement2(scoreOfFirst);
                    harness.processElement2(scoreOfSecond);
                }
                harness.processElement1(first);
                harness.processElement1(second);
                if (!scoresFirst) {
                    harness.processElement2(scoreOfSecond);
                    harness.processElement2(scoreOfFirst);
                }
                harness.processBothWatermarks(new Watermark(T0 + 6 * HOUR));

                assertThat(harness.extractOutputValues())
                        .as("scores first: %s", scoresFirst)
                        .extracting(SegmentedSession::segment)
                        .containsExactly(SessionSegments.UNSCORED, "loyal");
            }
        }
    }

    @Test
    void laterVersionsAndMergedSessionsKeepTheFirstTag() throws Exception {
        try (var harness = harness()) {
            harness.open();
            long s1 = T0;
            long s2 = T0 + 2 * HOUR;
            harness.processElement2(new StreamRecord<>(new UserSegment("u1", "new"), T0 - HOUR));
            harness.processElement1(new StreamRecord<>(session(s1, s1 + 10 * 60_000), s1 + HOUR));
            harness.processElement2(new StreamRecord<>(new UserSegment("u1", "loyal"), s1 + HOUR));
            harness.processElement1(new StreamRecord<>(session(s2, s2 + 10 * 60_000), s2 + HOUR));
            harness.processBothWatermarks(new Watermark(s2 + HOUR));
            // A late event bridges both sessions: the merged one starts at s1 and replaces s2.
            harness.processElement1(
                    new StreamRecord<>(session(s1, s2 + 10 * 60_000, List.of(s2)), s2 + HOUR));
            harness.processBothWatermarks(new Watermark(s2 + 2 * HOUR));

            assertThat(harness.extractOutputValues())
                    .extracting(SegmentedSession::segment)
                    .containsExactly("new", "loyal", "new");
        }
    }

    @Test
    void versionsOfOneSessionAtOneTimestampLeaveInTheOrderTheyReplaceEachOther() throws Exception {
        try (var harness = harness()) {
            harness.open();
            long end = T0 + 20 * 60_000;
            SessionSummary first = session(T0 + 60_000, end);
            SessionSummary merged = session(T0, end, List.of(T0 + 60_000), 3);
            // Both versions wait for the same watermark; the merged one (more events) goes last.
            harness.processElement1(new StreamRecord<>(merged, end + HOUR));
            harness.processElement1(new StreamRecord<>(first, end + HOUR));
            harness.processBothWatermarks(new Watermark(end + HOUR));

            assertThat(harness.extractOutputValues())
                    .extracting(s -> s.session().start())
                    .containsExactly(T0 + 60_000, T0);
        }
    }

    @Test
    void anErasureForgetsTheUserAtOnce() throws Exception {
        try (var harness = harness()) {
            harness.open();
            harness.processElement2(new StreamRecord<>(new UserSegment("u1", "loyal"), T0));
            harness.processElement1(new StreamRecord<>(session(T0, T0 + HOUR), T0 + HOUR));
            harness.processBothWatermarks(new Watermark(T0 + HOUR));
            harness.processElement1(
                    new StreamRecord<>(session(T0 + 3 * HOUR, T0 + 4 * HOUR), T0 + 4 * HOUR));
            assertThat(harness.numKeyedStateEntries()).isPositive();

            harness.processElement2(new StreamRecord<>(UserSegment.erased("u1"), 0));
            harness.processBothWatermarks(new Watermark(T0 + 5 * HOUR));

            assertThat(harness.numKeyedStateEntries()).as("only the erased mark").isEqualTo(1);
            assertThat(harness.extractOutputValues())
                    .as("the pending session is dropped with the rest")
                    .hasSize(1);
        }
    }

    @Test
    void aScoreStillInFlightAfterTheErasureDoesNotBringTheSegmentBack() throws Exception {
        try (var harness = harness()) {
            harness.open();
            harness.processElement2(new StreamRecord<>(UserSegment.erased("u1"), 0));
            harness.processElement2(new StreamRecord<>(new UserSegment("u1", "loyal"), T0));
            harness.processElement1(new StreamRecord<>(session(T0, T0 + HOUR), T0 + HOUR));
            harness.processBothWatermarks(new Watermark(T0 + 2 * HOUR));

            assertThat(harness.numKeyedStateEntries()).as("only the erased mark").isEqualTo(1);
            assertThat(harness.extractOutputValues()).isEmpty();
        }
    }

    @Test
    void tagsOfSessionsOlderThanTheRetentionAreForgotten() throws Exception {
        try (var harness = harness()) {
            harness.open();
            long day = 24 * HOUR;
            for (int d = 0; d < 10; d++) {
                long start = T0 + d * day;
                harness.processElement1(
                        new StreamRecord<>(session(start, start + HOUR), start + HOUR));
            }
            harness.processElement2(
                    new StreamRecord<>(new UserSegment("u1", "loyal"), T0 + 10 * day));
            harness.processBothWatermarks(new Watermark(T0 + 10 * day));
            // New versions of the day-9 session (inside the 2-day retention) and of the day-0
            // session (long forgotten): only the first still knows its tag.
            long nine = T0 + 9 * day;
            harness.processElement1(
                    new StreamRecord<>(session(nine, nine + 2 * HOUR), T0 + 10 * day + 1));
            harness.processElement1(
                    new StreamRecord<>(session(T0, T0 + 2 * HOUR), T0 + 10 * day + 2));
            harness.processBothWatermarks(new Watermark(T0 + 11 * day));

            List<String> tags =
                    harness.extractOutputValues().stream().map(SegmentedSession::segment).toList();
            assertThat(tags.subList(0, 10)).containsOnly(SessionSegments.UNSCORED);
            assertThat(tags.subList(10, 12)).containsExactly(SessionSegments.UNSCORED, "loyal");
        }
    }

    private static KeyedTwoInputStreamOperatorTestHarness<
                    String, SessionSummary, UserSegment, SegmentedSession>
            harness() throws Exception {
        return new KeyedTwoInputStreamOperatorTestHarness<>(
                new KeyedCoProcessOperator<>(new SessionSegments(Duration.ofDays(2))),
                SessionSummary::userId,
                UserSegment::userId,
                Types.STRING);
    }

    private static SessionSummary session(long start, long end) {
        return session(start, end, List.of());
    }

    private static SessionSummary session(long start, long end, List<Long> replaced) {
        return session(start, end, replaced, 1);
    }

    private static SessionSummary session(long start, long end, List<Long> replaced, int views) {
        return new SessionSummary(
                SessionSummary.sessionId("u1", start),
                "u1",
                start,
                end,
                views,
                0,
                0,
                0,
                0,
                0,
                0,
                0.0,
                null,
                1,
                1,
                "i1",
                "i1",
                null,
                null,
                List.of("i1"),
                Map.of("c1", views),
                replaced);
    }
}
