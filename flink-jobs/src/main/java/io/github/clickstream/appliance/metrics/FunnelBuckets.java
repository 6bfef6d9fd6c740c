package io.github.clickstream.appliance.metrics;

import io.github.clickstream.appliance.sessions.Money;
import io.github.clickstream.appliance.sessions.SessionSummary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * Spreads each session over the funnel buckets it counts in: the 1-minute and the 1-hour bucket of
 * its start, for the dimensions "all", each category it touched, its experiment variant and its
 * shopper's segment. The sessions a late event merged away are withdrawn from the buckets of their
 * own start.
 */
public class FunnelBuckets implements FlatMapFunction<SegmentedSession, FunnelUpdate> {

    static final Map<String, Long> BUCKET_SIZES =
            Map.of("1m", Duration.ofMinutes(1).toMillis(), "1h", Duration.ofHours(1).toMillis());

    @Override
    public void flatMap(SegmentedSession segmented, Collector<FunnelUpdate> out) {
        SessionSummary session = segmented.session();
        for (long replacedStart : session.replacedStarts()) {
            emit(
                    segmented,
                    replacedStart,
                    SessionSummary.sessionId(session.userId(), replacedStart),
                    true,
                    out);
        }
        emit(segmented, session.start(), session.sessionId(), false, out);
    }

    private static void emit(
            SegmentedSession segmented,
            long start,
            String sessionId,
            boolean retract,
            Collector<FunnelUpdate> out) {
        SessionSummary session = segmented.session();
        for (Map.Entry<String, Long> size : BUCKET_SIZES.entrySet()) {
            long bucketStart = start - Math.floorMod(start, size.getValue());
            for (String[] dimension : dimensions(segmented)) {
                out.collect(
                        new FunnelUpdate(
                                size.getKey(),
                                bucketStart,
                                dimension[0],
                                dimension[1],
                                sessionId,
                                session.userId(),
                                session.views() > 0,
                                session.carts() > 0,
                                session.purchases(),
                                Money.cents(session.revenue()),
                                session.cartAbandoned(),
                                retract));
            }
        }
    }

    private static List<String[]> dimensions(SegmentedSession segmented) {
        SessionSummary session = segmented.session();
        List<String[]> dimensions = new ArrayList<>();
        dimensions.add(new String[] {"all", "all"});
        dimensions.add(new String[] {"segment", segmented.segment()});
        session.categoryEvents().keySet().stream()
                .sorted()
                .forEach(category -> dimensions.add(new String[] {"category", category}));
        if (session.variant() != null) {
            dimensions.add(new String[] {"variant", session.variant()});
        }
        return dimensions;
    }
}
