package io.github.clickstream.appliance.api;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.clickstream.appliance.mappings.UserDocument;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /api/v1/audiences/lookalike}: the users most like a seed audience. The seeds are
 * given as user ids, a segment name or a small query; their mean {@code user_vector} is searched
 * with kNN over the users, leaving the seeds themselves out.
 */
final class LookalikeHandler implements Handler {

    static final int DEFAULT_SIZE = 100;
    static final int MAX_SIZE = 1000;

    /** At most this many seed users are listed or averaged. */
    static final int MAX_SEEDS = 1000;

    /** The request body; exactly one of seed_users, segment and query. */
    record Request(
            List<String> seedUsers, String segment, Map<String, JsonNode> query, Integer size) {}

    /**
     * The response body: how many seeds were averaged, the listed seeds that were skipped because
     * they are unknown or have no vector, and the lookalike users.
     */
    record Lookalikes(int seedCount, List<String> seedsWithoutVector, List<User> users) {}

    record User(String userId, Double score, String segmentName) {}

    /** Who the seeds are: their vectors, the listed ones lacking one, and how to exclude them. */
    private record Seeds(List<float[]> vectors, List<String> withoutVector, Query exclusion) {}

    private final UserSearches users;
    private final AudienceQuery audienceQuery;

    LookalikeHandler(UserSearches users, AudienceQuery audienceQuery) {
        this.users = users;
        this.audienceQuery = audienceQuery;
    }

    @Override
    public void handle(Context ctx) throws Exception {
        Parameters.allowOnly(ctx, Set.of());
        Request request = ApiJson.readBody(ctx, Request.class);
        int size = request.size() == null ? DEFAULT_SIZE : checkedSize(request.size());
        Seeds seeds = seeds(request);
        if (seeds.vectors().isEmpty()) {
            throw new ApiException(400, "seeds_without_vectors", noVectorsMessage(request, seeds));
        }
        float[] centre = Vectors.mean(seeds.vectors());
        if (centre == null) {
            throw new ApiException(
                    400,
                    "seeds_without_vectors",
                    "The seed users' vectors cancel out (their mean is zero); choose other seeds");
        }
        List<User> lookalikes =
                users.nearest(centre, size, seeds.exclusion()).stream()
                        .map(hit -> new User(hit.id(), hit.score(), hit.source().segmentName()))
                        .toList();
        ctx.json(new Lookalikes(seeds.vectors().size(), seeds.withoutVector(), lookalikes));
    }

    private Seeds seeds(Request request) throws Exception {
        int given =
                (request.seedUsers() != null ? 1 : 0)
                        + (request.segment() != null ? 1 : 0)
                        + (request.query() != null ? 1 : 0);
        if (given != 1) {
            throw ApiException.invalidParameter(
                    "Give exactly one of seed_users, segment and query");
        }
        if (request.seedUsers() != null) {
            return listedSeeds(request.seedUsers());
        }
        Query seedQuery =
                request.segment() != null
                        ? Queries.term("segment_name", Parameters.id(request.segment(), "segment"))
                        : audienceQuery.toQuery(request.query());
        List<float[]> vectors =
                users.matchingWithVector(seedQuery, MAX_SEEDS).stream()
                        .map(UserDocument::userVector)
                        .filter(Vectors::usable)
                        .toList();
        // Excluding by the query itself also leaves out matching users beyond MAX_SEEDS.
        return new Seeds(vectors, List.of(), seedQuery);
    }

    private Seeds listedSeeds(List<String> seedUsers) throws Exception {
        if (seedUsers.isEmpty() || seedUsers.size() > MAX_SEEDS) {
            throw ApiException.invalidParameter(
                    "seed_users must list 1 to " + MAX_SEEDS + " user ids");
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String id : seedUsers) {
            ids.add(Parameters.id(id, "a seed user id"));
        }
        Map<String, UserDocument> found = users.findVectors(ids);
        List<float[]> vectors = new ArrayList<>();
        List<String> withoutVector = new ArrayList<>();
        for (String id : ids) {
            UserDocument user = found.get(id);
            if (user != null && Vectors.usable(user.userVector())) {
                vectors.add(user.userVector());
            } else {
                withoutVector.add(id);
            }
        }
        return new Seeds(vectors, withoutVector, Queries.terms("user_id", ids));
    }

    private static int checkedSize(int size) {
        return Parameters.sizeValue(Integer.toString(size), MAX_SIZE);
    }

    private static String noVectorsMessage(Request request, Seeds seeds) {
        if (request.seedUsers() != null) {
            List<String> shown =
                    seeds.withoutVector().subList(0, Math.min(10, seeds.withoutVector().size()));
            return "None of the seed users has a user_vector (unknown or not yet profiled: "
                    + String.join(", ", shown)
                    + (seeds.withoutVector().size() > shown.size() ? ", ..." : "")
                    + "); choose seeds with purchase history";
        }
        return request.segment() != null
                ? "No user in segment '" + request.segment() + "' has a user_vector"
                : "No user matching the query has a user_vector";
    }
}
