package io.github.clickstream.appliance.api;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that turns failures into the error document {@code {"error": {"status", "code",
 * "message"}}}. Elasticsearch failures are logged in full here and reach the caller only as a
 * short, stable message, so no index internals leak.
 */
final class ErrorMapper {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    /** The JSON body of every error response. */
    record ErrorResponse(Error error) {
        record Error(int status, String code, String message) {}
    }

    private ErrorMapper() {}

    static void register(Javalin app) {
        app.exception(ApiException.class, (e, ctx) -> write(ctx, e));
        app.exception(HttpResponseException.class, (e, ctx) -> write(ctx, fromJavalin(e, ctx)));
        app.exception(ElasticsearchException.class, (e, ctx) -> write(ctx, fromElasticsearch(e)));
        app.exception(IOException.class, (e, ctx) -> write(ctx, fromTransport(e)));
        app.exception(
                Exception.class,
                (e, ctx) -> {
                    ApiException mapped = fromUnexpected(e);
                    if (mapped.status() == 503) {
                        LOG.warn("{} {}: {}", ctx.method(), ctx.path(), e.toString());
                        ctx.header("Retry-After", "1");
                    } else {
                        LOG.error("Unexpected failure on {} {}", ctx.method(), ctx.path(), e);
                    }
                    write(ctx, mapped);
                });
    }

    /**
     * 503 when every connection to Elasticsearch stayed busy for the whole timeout (the client
     * throws a RuntimeException caused by a TimeoutException then); 500 for anything else.
     */
    static ApiException fromUnexpected(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException) {
                return new ApiException(
                        503,
                        "elasticsearch_busy",
                        "All connections to Elasticsearch are busy; try again shortly");
            }
        }
        return new ApiException(
                500, "internal_error", "Unexpected server error; the server log has the details");
    }

    static void write(Context ctx, ApiException e) {
        ctx.status(e.status())
                .json(
                        new ErrorResponse(
                                new ErrorResponse.Error(e.status(), e.code(), e.getMessage())));
    }

    private static ApiException fromJavalin(HttpResponseException e, Context ctx) {
        if (e.getStatus() == 404) {
            return ApiException.notFound(
                    "No endpoint "
                            + ctx.method()
                            + " "
                            + ctx.path()
                            + "; /openapi.json lists the endpoints");
        }
        if (e.getStatus() == 405) {
            return new ApiException(405, "method_not_allowed", "Method not allowed");
        }
        return new ApiException(e.getStatus(), "invalid_request", e.getMessage());
    }

    private static ApiException fromElasticsearch(ElasticsearchException e) {
        LOG.warn("Elasticsearch refused a request: {}", e.getMessage());
        if ("index_not_found_exception".equals(e.error().type())) {
            return new ApiException(
                    503,
                    "not_set_up",
                    "The Elasticsearch indices do not exist yet; run `bin/appliance setup`");
        }
        return new ApiException(
                502, "elasticsearch_error", "Elasticsearch could not answer this request");
    }

    private static ApiException fromTransport(IOException e) {
        LOG.warn("Elasticsearch call failed: {}", e.toString());
        if (e instanceof SocketTimeoutException || e.getCause() instanceof SocketTimeoutException) {
            return new ApiException(
                    503,
                    "elasticsearch_timeout",
                    "Elasticsearch did not answer in time; try again later");
        }
        if (e instanceof ConnectException || e.getCause() instanceof ConnectException) {
            return new ApiException(
                    503, "elasticsearch_unavailable", "Elasticsearch is not reachable");
        }
        return new ApiException(
                503, "elasticsearch_unavailable", "Elasticsearch could not be reached");
    }
}
