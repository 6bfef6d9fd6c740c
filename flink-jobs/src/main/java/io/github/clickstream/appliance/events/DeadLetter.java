package io.github.clickstream.appliance.events;

/**
 * A record the pipeline could not use, kept with the reason, a human-readable detail and the raw
 * payload so nothing is lost silently. {@code source} says where it came from (e.g. {@code
 * clickstream-0@1234} for topic, partition and offset), which also makes its id deterministic.
 */
public record DeadLetter(
        DeadLetterReason reason,
        String detail,
        String rawPayload,
        String source,
        long receivedAt,
        String userId,
        Long eventTime) {

    /** Deterministic document id: one dead letter per source record and reason. */
    public String id() {
        return source + ":" + reason;
    }
}
