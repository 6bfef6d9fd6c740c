package io.github.clickstream.appliance.api;

import io.github.clickstream.appliance.mappings.UserErasure;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * {@code DELETE /api/v1/users/{id}}: the right to be forgotten. First the erasure is published to
 * Kafka and acknowledged, then the user's documents are deleted. In that order, a crash between the
 * two steps leaves a user the job will erase anyway (it deletes their documents too), never a user
 * gone from Elasticsearch but alive in the job's state, which would write them back.
 *
 * <p>An id without documents still answers 200 with zero counts, and the erasure is still
 * published: the user may so far exist only in the job's state (an open session not yet written),
 * and a repeated request after a partial failure must succeed.
 */
final class EraseUserHandler implements Handler {

    /** The response body: what was deleted, per index. */
    record Erased(String userId, Instant requestedAt, Map<String, Long> deleted) {}

    private final ErasureLog log;
    private final UserErasure erasure;
    private final Clock clock;

    EraseUserHandler(ErasureLog log, UserErasure erasure, Clock clock) {
        this.log = log;
        this.erasure = erasure;
        this.clock = clock;
    }

    @Override
    public void handle(Context ctx) throws Exception {
        Parameters.allowOnly(ctx, Set.of());
        String userId = Parameters.id(ctx.pathParam("id"), "user id");
        Instant requestedAt = clock.instant();
        log.publish(userId, requestedAt);
        ctx.json(new Erased(userId, requestedAt, erasure.erase(userId)));
    }
}
