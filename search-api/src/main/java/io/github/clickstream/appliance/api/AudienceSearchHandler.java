package io.github.clickstream.appliance.api;

import co.elastic.clients.elasticsearch._types.FieldValue;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.List;
import java.util.Set;

/**
 * {@code POST /api/v1/audiences/search}: the users matching an audience filter, a page at a time in
 * user id order, with the exact total. The next page starts after the {@code next_search_after} of
 * the previous one.
 */
final class AudienceSearchHandler implements Handler {

    static final int DEFAULT_SIZE = 50;

    /** The request body: the filter (required; {} for everyone), page size and where to resume. */
    record Request(JsonNode filter, Integer size, List<String> searchAfter) {}

    /** The response body; {@code next_search_after} is null on the last page. */
    record Result(long total, List<AudienceMember> users, List<String> nextSearchAfter) {}

    private final AudienceSearches audiences;
    private final AudienceQuery audienceQuery;
    private final int maxSize;

    AudienceSearchHandler(AudienceSearches audiences, AudienceQuery audienceQuery, int maxSize) {
        this.audiences = audiences;
        this.audienceQuery = audienceQuery;
        this.maxSize = maxSize;
    }

    @Override
    public void handle(Context ctx) throws Exception {
        Parameters.allowOnly(ctx, Set.of());
        Request request = ApiJson.readBody(ctx, Request.class);
        int size =
                request.size() == null
                        ? Math.min(DEFAULT_SIZE, maxSize)
                        : Parameters.sizeValue(Integer.toString(request.size()), maxSize);
        String after = afterUserId(request.searchAfter());
        AudienceSearches.Page page =
                audiences.page(audienceQuery.toFilter(request.filter()), size, after);
        List<String> next =
                page.members().size() == size
                        ? page.after().stream().map(FieldValue::stringValue).toList()
                        : null;
        ctx.json(new Result(page.total(), page.members(), next));
    }

    /** The one sort value of the page sort (user_id), as the previous page returned it. */
    private static String afterUserId(List<String> searchAfter) {
        if (searchAfter == null) {
            return null;
        }
        if (searchAfter.size() != 1) {
            throw ApiException.invalidParameter(
                    "search_after must be the next_search_after of the previous page: one user id,"
                            + " e.g. [\"u-00042\"]");
        }
        return Parameters.id(searchAfter.get(0), "search_after[0]");
    }
}
