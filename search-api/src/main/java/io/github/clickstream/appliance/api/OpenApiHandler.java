package io.github.clickstream.appliance.api;

import io.javalin.http.Context;
import io.javalin.http.Handler;

/** {@code GET /openapi.json}: the hand-written OpenAPI 3 document shipped as a resource. */
final class OpenApiHandler implements Handler {

    static final String RESOURCE = "/search-api/openapi.json";

    private final byte[] document;

    OpenApiHandler() {
        document = ClasspathResources.read(RESOURCE);
    }

    @Override
    public void handle(Context ctx) {
        ctx.contentType("application/json").result(document);
    }
}
