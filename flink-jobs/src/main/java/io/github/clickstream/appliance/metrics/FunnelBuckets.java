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
 * its start, for the dimensions "all", each category it touched and its experiment variant. The
 * sessions a late event merged away are withdrawn from the buckets of their own start.
 */
public class FunnelBuckets implements FlatMapFunction<SessionSummary, FunnelUpdate> {

    static final Map<String, Long> BUCKET_SIZES =
            Map.of("1m", Duration.ofMinutes(1).toMillis(), "1h", Duration.ofHours(1).toMillis());

    @Override
    public void flatMap(SessionSummary session, Collector<FunnelUpdate> out) {
        for (long replacedStart : session.replacedStarts()) {
            emit(
                    session,
                    replacedStart,
                    SessionSummary.sessionId(session.userId(), replacedStart),
                    true,
                    out);
        }
        emit(session, session.start(), session.sessionId(), false, out);
    }

    private static void emit(
            SessionSummary session,
            long start,
            String sessionId,
            boolean retract,
            Collector<FunnelUpdate> out) {
        for (Map.Entry<String, Long> size : BUCKET_SIZES.entrySet()) {
            long bucketStart = start - Math.floorMod(start, size.getValue());
            for (String[] dimension : dimensions(session)) {
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

    private static List<String[]> dimensions(SessionSummary session) {
        List<String[]> dimensions = new ArrayList<>();
        dimensions.add(new String[] {"all", "all"});
        session.categoryEvents().keySet().stream()
                .sorted()
                .forEach(category -> dimensions.add(new String[] {"category", category}));
        if (session.variant() != null) {
            dimensions.add(new String[] {"variant", session.variant()});
        }
        return dimensions;
    }
}
