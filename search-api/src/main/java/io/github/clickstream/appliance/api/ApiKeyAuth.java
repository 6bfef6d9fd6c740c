package io.github.clickstream.appliance.api;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.Header;
import io.javalin.security.RouteRole;

/**
 * Checks the bearer token of every matched request against the route's role: no or an unknown token
 * is 401, a key whose role is too weak is 403, open routes pass. The key's name (never the token)
 * is left on the request for the access log.
 */
final class ApiKeyAuth implements Handler {

    static final String KEY_NAME_ATTRIBUTE = "api-key-name";
    private static final String BEARER = "Bearer ";
    private static final String WEBJARS = "/webjars/";

    private final ApiKeys keys;

    ApiKeyAuth(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public void handle(Context ctx) {
        ApiRole required = required(ctx);
        if (required == ApiRole.OPEN) {
            return;
        }
        String header = ctx.header(Header.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw unauthorized(ctx, "This endpoint needs an API key: Authorization: Bearer <key>");
        }
        ApiKeys.Key key =
                keys.find(header.substring(BEARER.length()).strip())
                        .orElseThrow(() -> unauthorized(ctx, "The API key is not valid"));
        ctx.attribute(KEY_NAME_ATTRIBUTE, key.name());
        if (!key.role().allows(required)) {
            throw new ApiException(
                    403,
                    "forbidden",
                    "This endpoint needs the "
                            + required.name().toLowerCase()
                            + " role; key '"
                            + key.name()
                            + "' is a "
                            + key.role().name().toLowerCase()
                            + " key");
        }
    }

    /**
     * The strongest role the route was registered with. Static files (the docs page's Swagger UI
     * assets under /webjars) are open; any other route registered without a role needs admin.
     */
    private static ApiRole required(Context ctx) {
        if (ctx.routeRoles().isEmpty() && ctx.path().startsWith(WEBJARS)) {
            return ApiRole.OPEN;
        }
        ApiRole required = null;
        for (RouteRole role : ctx.routeRoles()) {
            if (role instanceof ApiRole apiRole
                    && (required == null || apiRole.compareTo(required) > 0)) {
                required = apiRole;
            }
        }
        return required == null ? ApiRole.ADMIN : required;
    }

    private static ApiException unauthorized(Context ctx, String message) {
        ctx.header(Header.WWW_AUTHENTICATE, "Bearer");
        return new ApiException(401, "unauthorized", message);
    }
}
