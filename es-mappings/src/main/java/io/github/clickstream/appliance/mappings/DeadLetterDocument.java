package io.github.clickstream.appliance.mappings;

import java.time.Instant;

/** Input the pipeline could not use, in {@code dead-letters-YYYY.MM}, with reason and payload. */
public record DeadLetterDocument(
        Instant receivedAt,
        String reason,
        String detail,
        String source,
        String rawPayload,
        String userId,
        Instant eventTime) {}
