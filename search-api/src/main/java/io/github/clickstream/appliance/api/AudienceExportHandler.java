package io.github.clickstream.appliance.api;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v1/audiences/export}: every user matching an audience filter, streamed as CSV or
 * NDJSON while it is read from a point-in-time snapshot a page at a time, so memory stays constant
 * however many rows there are. The headers say up front how many rows follow: {@code X-Total-Count}
 * users match, {@code X-Export-Rows} of them are sent (at most {@code X-Export-Row-Cap}). A failure
 * of Elasticsearch after the first row aborts the connection, so a client never mistakes a cut-off
 * export for a complete one.
 */
final class AudienceExportHandler implements Handler {

    private static final Logger LOG = LoggerFactory.getLogger(AudienceExportHandler.class);

    /** The request body: the same filter as the search ({} for everyone). */
    record Request(JsonNode filter) {}

    private final AudienceSearches audiences;
    private final AudienceQuery audienceQuery;
    private final ApiLimits limits;

    AudienceExportHandler(
            AudienceSearches audiences, AudienceQuery audienceQuery, ApiLimits limits) {
        this.audiences = audiences;
        this.audienceQuery = audienceQuery;
        this.limits = limits;
    }

    @Override
    public void handle(Context ctx) throws Exception {
        Parameters.allowOnly(ctx, Set.of("format"));
        ExportFormat format = ExportFormat.choose(ctx.queryParam("format"), ctx.header("Accept"));
        Query filter = audienceQuery.toFilter(ApiJson.readBody(ctx, Request.class).filter());
        String snapshot = audiences.openSnapshot();
        try {
            // Fetched before anything is sent, so a failure here is still an ordinary error reply.
            AudienceSearches.Page first =
                    audiences.snapshotPage(snapshot, filter, pageSize(0), null);
            snapshot = first.snapshot();
            long rows = Math.min(first.total(), limits.maxExportRows());
            ctx.status(200)
                    .contentType(format.contentType())
                    .header(
                            "Content-Disposition",
                            "attachment; filename=\"" + format.fileName() + "\"")
                    .header("X-Total-Count", Long.toString(first.total()))
                    .header("X-Export-Rows", Long.toString(rows))
                    .header("X-Export-Row-Cap", Long.toString(limits.maxExportRows()));
            snapshot = stream(ctx, format, filter, first, rows);
        } finally {
            close(snapshot);
        }
    }

    /** Writes {@code rows} members page by page; returns the snapshot id last used. */
    private String stream(
            Context ctx,
            ExportFormat format,
            Query filter,
            AudienceSearches.Page first,
            long rows) {
        AudienceSearches.Page page = first;
        long written = 0;
        try {
            ExportFormat.RowWriter out = format.open(ctx.outputStream());
            while (true) {
                for (AudienceMember member : page.members()) {
                    if (written == rows) {
                        break;
                    }
                    out.write(member);
                    written++;
                }
                out.flush();
                if (written == rows || page.members().isEmpty()) {
                    return page.snapshot();
                }
                try {
                    page =
                            audiences.snapshotPage(
                                    page.snapshot(), filter, pageSize(written), page.after());
                } catch (IOException | ElasticsearchException e) {
                    LOG.warn("Export stopped after {} of {} rows: {}", written, rows, e.toString());
                    abort(ctx, e);
                    return page.snapshot();
                }
            }
        } catch (IOException e) {
            // The client went away; nobody is left to tell.
            LOG.info("Export client disconnected after {} of {} rows", written, rows);
            return page.snapshot();
        }
    }

    /** Never more than the rows still allowed, so the cap is not over-fetched. */
    private int pageSize(long written) {
        return (int)
                Math.max(1, Math.min(limits.exportPageSize(), limits.maxExportRows() - written));
    }

    /** Drops the connection without the final chunk, so the client sees the body is incomplete. */
    private static void abort(Context ctx, Exception cause) {
        org.eclipse.jetty.server.Request.getBaseRequest(ctx.req()).getHttpChannel().abort(cause);
    }

    private void close(String snapshot) {
        try {
            audiences.close(snapshot);
        } catch (IOException | ElasticsearchException e) {
            // It expires by itself after its keep-alive.
            LOG.warn("Could not close export snapshot: {}", e.toString());
        }
    }
}
