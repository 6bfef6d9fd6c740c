package io.github.clickstream.appliance.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JSON line per request on the {@code access} logger: method, route template, status, time and
 * the API key's name. The only personal data is the user id in the path, so query strings and
 * bodies (filters, seed users) are never logged.
 */
final class AccessLog {

    private static final Logger LOG = LoggerFactory.getLogger("access");

    void record(Context ctx, float executionMillis) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        String route = ApiMetrics.endpoint(ctx);
        boolean matched = !route.equals(ApiMetrics.UNMATCHED);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("method", ctx.method().name());
        line.put("route", route);
        line.put("status", ctx.statusCode());
        line.put("millis", Math.round(executionMillis * 10) / 10.0);
        line.put("key", ctx.attribute(ApiKeyAuth.KEY_NAME_ATTRIBUTE));
        if (matched && ctx.pathParamMap().containsKey("id")) {
            line.put("id", ctx.pathParam("id"));
        }
        try {
            LOG.info(ApiJson.MAPPER.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            LOG.warn("Access log line could not be written: {}", e.getMessage());
        }
    }
}
