package io.github.clickstream.appliance.sink;

import io.github.clickstream.appliance.erasure.Erasure;
import io.github.clickstream.appliance.mappings.ElasticsearchConnection;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.connector.sink2.CommitterInitContext;
import org.apache.flink.api.connector.sink2.CommittingSinkWriter;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.SupportsCommitter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * Deletes an erased user's documents from Elasticsearch, once the checkpoint after the erasure is
 * complete. Every operator handles the erasure before that checkpoint's barrier, so the user's
 * writes they emitted earlier come before the barrier too, and the Elasticsearch sink has flushed
 * them by then: deleting at commit time means no in-flight upsert can bring the user back.
 */
public class ErasureSink implements Sink<Erasure>, SupportsCommitter<String> {

    private final ElasticsearchConnection connection;

    public ErasureSink(ElasticsearchConnection connection) {
        this.connection = connection;
    }

    @Override
    public SinkWriter<Erasure> createWriter(WriterInitContext context) {
        return new PendingErasures();
    }

    @Override
    public ErasureCommitter createCommitter(CommitterInitContext context) {
        return new ErasureCommitter(connection, context.metricGroup());
    }

    @Override
    public SimpleVersionedSerializer<String> getCommittableSerializer() {
        return new UserIdSerializer();
    }

    /** Collects the user ids erased since the last checkpoint; they are the committables. */
    static final class PendingErasures implements CommittingSinkWriter<Erasure, String> {

        private final Set<String> pending = new LinkedHashSet<>();

        @Override
        public void write(Erasure erasure, Context context) {
            pending.add(erasure.userId());
        }

        @Override
        public Collection<String> prepareCommit() {
            List<String> due = new ArrayList<>(pending);
            pending.clear();
            return due;
        }

        @Override
        public void flush(boolean endOfInput) {}

        @Override
        public void close() {}
    }

    /** A user id as UTF-8. */
    static final class UserIdSerializer implements SimpleVersionedSerializer<String> {

        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(String userId) {
            return userId.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String deserialize(int version, byte[] serialized) {
            return new String(serialized, StandardCharsets.UTF_8);
        }
    }
}
