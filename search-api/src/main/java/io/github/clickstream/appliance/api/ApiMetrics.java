package io.github.clickstream.appliance.api;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Request metrics in Prometheus form: a latency timer per endpoint with a histogram ({@code
 * search_api_requests_seconds}) and a response counter per endpoint and status ({@code
 * search_api_responses_total}). Endpoints are tagged by route template, never by raw path, so ids
 * do not multiply the series.
 */
final class ApiMetrics {

    static final String UNMATCHED = "unmatched";
    static final String PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry =
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    /** Called by Javalin's request logger once a response is complete. */
    void record(Context ctx, float executionMillis) {
        String endpoint = endpoint(ctx);
        String status = Integer.toString(ctx.statusCode());
        Timer.builder("search.api.requests")
                .description("Search API request latency")
                .tag("method", ctx.method().name())
                .tag("endpoint", endpoint)
                .tag("status", status)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry)
                .record((long) (executionMillis * 1_000_000L), TimeUnit.NANOSECONDS);
        Counter.builder("search.api.responses")
                .description("Search API responses by status")
                .tag("endpoint", endpoint)
                .tag("status", status)
                .register(registry)
                .increment();
    }

    /** Where other parts of the API register their own meters. */
    MeterRegistry registry() {
        return registry;
    }

    void scrape(Context ctx) {
        ctx.contentType(PROMETHEUS_CONTENT_TYPE).result(registry.scrape());
    }

    /** The route template a request matched, or {@link #UNMATCHED}. */
    static String endpoint(Context ctx) {
        // Requests that matched no route would otherwise add one series per path tried.
        if (ctx.handlerType() == HandlerType.BEFORE || ctx.endpointHandlerPath().isEmpty()) {
            return UNMATCHED;
        }
        return ctx.endpointHandlerPath();
    }
}
