package io.github.clickstream.appliance.replay;

import io.github.clickstream.appliance.events.DeadLetterReason;
import java.util.Map;

/** What a replay did: events sent, rows that could not be turned into events (by reason). */
public record ReplayReport(long sent, Map<DeadLetterReason, Long> rejected, long millis) {

    public long rejectedTotal() {
        return rejected.values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public String toString() {
        return String.format(
                "Sent %,d events in %.1f s (%,.0f events/s); %,d rows rejected %s",
                sent,
                millis / 1000.0,
                sent * 1000.0 / Math.max(1, millis),
                rejectedTotal(),
                rejected.isEmpty() ? "" : rejected);
    }
}
