package io.github.clickstream.appliance.api;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** {@code GET /openapi.json}: the hand-written OpenAPI 3 document shipped as a resource. */
final class OpenApiHandler implements Handler {

    static final String RESOURCE = "/search-api/openapi.json";

    private final byte[] document;

    OpenApiHandler() {
        try (InputStream in = OpenApiHandler.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Resource " + RESOURCE + " is missing");
            }
            document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void handle(Context ctx) {
        ctx.contentType("application/json").result(document);
    }
}
