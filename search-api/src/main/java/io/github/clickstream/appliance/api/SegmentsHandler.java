package io.github.clickstream.appliance.api;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Set;

/**
 * {@code GET /api/v1/segments}: every segment with its size, mean scores, 30-day revenue and
 * churn-risk bands (low below 0.3, medium 0.3 to below 0.7, high 0.7 and above), largest first.
 */
final class SegmentsHandler implements Handler {

    private final SegmentStatistics statistics;

    SegmentsHandler(SegmentStatistics statistics) {
        this.statistics = statistics;
    }

    @Override
    public void handle(Context ctx) throws Exception {
        Parameters.allowOnly(ctx, Set.of());
        ctx.json(statistics.compute());
    }
}
