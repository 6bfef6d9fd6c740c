package io.github.clickstream.appliance.sink;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import io.github.clickstream.appliance.mappings.ElasticsearchClients;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.groups.SinkWriterMetricGroup;
import org.elasticsearch.client.ResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buffers writes and sends them as bulk requests: when the batch is full, on a timer, and on every
 * checkpoint ({@link #flush}), which blocks until Elasticsearch has answered for every write. Items
 * are retried, dead-lettered or done as {@link ItemOutcome} says; if Elasticsearch stays
 * unreachable or overloaded past the retry budget the flush fails and Flink restarts from the last
 * checkpoint, so nothing is lost.
 */
final class ElasticsearchSinkWriter implements SinkWriter<DocumentWrite> {

    private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchSinkWriter.class);

    private final ElasticsearchSinkConfig config;
    private final ElasticsearchClient client;
    private final BulkTransport bulk;
    private final ProcessingTimeService timers;
    private final List<DocumentWrite> buffer = new ArrayList<>();
    private long bufferedBytes;
    private final Counter written;
    private final Counter retried;
    private final Counter deadLettered;

    ElasticsearchSinkWriter(
            ElasticsearchSinkConfig config,
            ProcessingTimeService timers,
            SinkWriterMetricGroup metrics) {
        this.config = config;
        this.client = ElasticsearchClients.create(config.connection());
        this.bulk = new BulkTransport(client);
        this.timers = timers;
        this.written = metrics.counter("documentsWritten");
        this.retried = metrics.counter("writesRetried");
        this.deadLettered = metrics.counter("writesDeadLettered");
        metrics.gauge("bufferedWrites", buffer::size);
        scheduleFlush();
    }

    @Override
    public void write(DocumentWrite write, Context context)
            throws IOException, InterruptedException {
        buffer.add(write);
        bufferedBytes += write.json() == null ? 0 : write.json().length();
        if (buffer.size() >= config.maxBatchActions() || bufferedBytes >= config.maxBatchBytes()) {
            flush(false);
        }
    }

    @Override
    public void flush(boolean endOfInput) throws IOException, InterruptedException {
        if (buffer.isEmpty()) {
            return;
        }
        List<DocumentWrite> deadLetters = send(new ArrayList<>(buffer));
        buffer.clear();
        bufferedBytes = 0;
        if (!deadLetters.isEmpty()) {
            if (!send(deadLetters).isEmpty()) {
                throw new IOException(
                        "Elasticsearch rejected the dead letters too; apply the templates"
                                + " (appliance setup) and check the dead-letters mapping");
            }
            LOG.warn(
                    "{} writes rejected by Elasticsearch went to the dead letters",
                    deadLetters.size());
        }
    }

    /**
     * Sends the writes, retrying what may succeed later; returns the dead-letter writes for the
     * ones Elasticsearch rejected for good.
     */
    private List<DocumentWrite> send(List<DocumentWrite> writes)
            throws IOException, InterruptedException {
        List<DocumentWrite> pending = writes;
        List<DocumentWrite> deadLetters = new ArrayList<>();
        for (int attempt = 0; ; attempt++) {
            BulkResponse response;
            try {
                response = bulk.send(pending);
            } catch (ResponseException e) {
                int status = e.getResponse().getStatusLine().getStatusCode();
                if (status != 429 && status < 500) {
                    throw new IOException(
                            "Elasticsearch at "
                                    + config.connection().url()
                                    + " refused a bulk request with "
                                    + status
                                    + "; check the credentials and their privileges"
                                    + " (--es-api-key, --es-user)",
                            e);
                }
                if (attempt >= config.maxRetries()) {
                    throw e;
                }
                backOff(attempt);
                continue;
            } catch (IOException e) {
                if (attempt >= config.maxRetries()) {
                    throw new IOException(
                            ElasticsearchClients.unreachable(config.connection(), e).getMessage(),
                            e);
                }
                backOff(attempt);
                continue;
            }
            List<DocumentWrite> retry = new ArrayList<>();
            List<BulkResponseItem> items = response.items();
            for (int i = 0; i < items.size(); i++) {
                BulkResponseItem item = items.get(i);
                DocumentWrite write = pending.get(i);
                switch (ItemOutcome.of(item.status(), write.action())) {
                    case DONE -> written.inc();
                    case RETRY -> retry.add(write);
                    case FAIL ->
                            throw new IOException(
                                    "Elasticsearch at "
                                            + config.connection().url()
                                            + " refused a write to "
                                            + write.index()
                                            + " with "
                                            + item.status()
                                            + (item.error() == null
                                                    ? ""
                                                    : " (" + item.error().type() + ")")
                                            + "; check the credentials and their privileges"
                                            + " (--es-api-key, --es-user) and index blocks");
                    case DEAD_LETTER -> {
                        deadLettered.inc();
                        deadLetters.add(
                                RejectedWrites.deadLetter(
                                        write, item.error(), timers.getCurrentProcessingTime()));
                    }
                }
            }
            if (retry.isEmpty()) {
                return deadLetters;
            }
            if (attempt >= config.maxRetries()) {
                throw new IOException(
                        "Elasticsearch at "
                                + config.connection().url()
                                + " kept rejecting "
                                + retry.size()
                                + " writes as overloaded after "
                                + attempt
                                + " retries; give it more capacity or lower the write rate");
            }
            retried.inc(retry.size());
            pending = retry;
            backOff(attempt);
        }
    }

    private void backOff(int attempt) throws InterruptedException {
        long delay = config.initialBackoff().toMillis() << Math.min(attempt, 10);
        Thread.sleep(Math.min(delay, 30_000));
    }

    private void scheduleFlush() {
        timers.registerTimer(
                timers.getCurrentProcessingTime() + config.flushInterval().toMillis(),
                time -> {
                    flush(false);
                    scheduleFlush();
                });
    }

    @Override
    public void close() throws Exception {
        client.close();
    }
}
