package io.github.clickstream.appliance.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.clickstream.appliance.mappings.UserDocument;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Set;

/**
 * {@code GET /api/v1/users/{id}}: the user's profile as stored, every field of the users mapping
 * (null when not computed yet): features, scores, segment, reasons, model versions, updated_at. The
 * taste vector ({@code user_vector}) is left out unless {@code ?include=vector}: it means nothing
 * to a reader and is the bulk of the document.
 */
final class UserProfileHandler implements Handler {

    private final UserSearches users;

    UserProfileHandler(UserSearches users) {
        this.users = users;
    }

    @Override
    public void handle(Context ctx) throws Exception {
        Parameters.allowOnly(ctx, Set.of("include"));
        boolean withVector = includesVector(Parameters.text(ctx, "include"));
        String id = Parameters.id(ctx.pathParam("id"), "user id");
        UserDocument user =
                users.findProfile(id, withVector)
                        .orElseThrow(() -> ApiException.notFound("Unknown user '" + id + "'"));
        ObjectNode profile = ApiJson.MAPPER.valueToTree(user);
        profile.put("user_id", id);
        if (!withVector) {
            profile.remove("user_vector");
        }
        ctx.json(profile);
    }

    private static boolean includesVector(String include) {
        if (include == null) {
            return false;
        }
        if (!include.equals("vector")) {
            throw ApiException.invalidParameter(
                    "include may only be vector (adds user_vector), got '" + include + "'");
        }
        return true;
    }
}
