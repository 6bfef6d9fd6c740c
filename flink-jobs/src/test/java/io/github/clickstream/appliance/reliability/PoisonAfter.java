package io.github.clickstream.appliance.reliability;

import io.github.clickstream.appliance.sink.DocumentWrite;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * Passes writes through and, once, after {@code after} of them, adds a user document that violates
 * the users mapping ({@code churn_risk} is a double): Elasticsearch answers 400 for it whatever the
 * load, so the sink must dead-letter it.
 */
final class PoisonAfter implements FlatMapFunction<DocumentWrite, DocumentWrite> {

    static final String USER_ID = "poison-user";

    /**
     * Wall-clock time the poison went out, 0 before; static so a restore does not send it again.
     */
    private static final AtomicLong INJECTED_AT = new AtomicLong();

    private final int after;
    private transient int seen;

    PoisonAfter(int after) {
        this.after = after;
    }

    static void reset() {
        INJECTED_AT.set(0);
    }

    static long injectedAtMillis() {
        return INJECTED_AT.get();
    }

    static DocumentWrite poison() {
        return new DocumentWrite(
                DocumentWrite.Action.UPSERT,
                "users",
                USER_ID,
                "{\"user_id\":\"" + USER_ID + "\",\"churn_risk\":\"very high\"}");
    }

    @Override
    public void flatMap(DocumentWrite write, Collector<DocumentWrite> out) {
        out.collect(write);
        if (++seen >= after && INJECTED_AT.compareAndSet(0, System.currentTimeMillis())) {
            out.collect(poison());
        }
    }
}
