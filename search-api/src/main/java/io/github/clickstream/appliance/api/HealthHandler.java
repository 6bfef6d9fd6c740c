package io.github.clickstream.appliance.api;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /health}: 200 while Elasticsearch answers (with its cluster status), 503 when it does
 * not, so a load balancer or orchestrator can take the instance out of rotation.
 */
final class HealthHandler implements Handler {

    private static final Logger LOG = LoggerFactory.getLogger(HealthHandler.class);

    /** {@code elasticsearch} is green, yellow, red or unreachable. */
    record Health(String status, String elasticsearch) {}

    private final ElasticsearchClient client;

    HealthHandler(ElasticsearchClient client) {
        this.client = client;
    }

    @Override
    public void handle(Context ctx) {
        try {
            String cluster =
                    client.cluster().health().status().jsonValue().toLowerCase(Locale.ROOT);
            ctx.json(new Health("ok", cluster));
        } catch (IOException | ElasticsearchException e) {
            LOG.warn("Health check: Elasticsearch did not answer: {}", e.toString());
            ctx.status(503).json(new Health("unavailable", "unreachable"));
        }
    }
}
