package io.github.clickstream.appliance.sink;

import co.elastic.clients.elasticsearch._types.ErrorCause;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.clickstream.appliance.events.DeadLetterReason;
import io.github.clickstream.appliance.mappings.DeadLetterDocument;
import io.github.clickstream.appliance.mappings.Documents;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * Turns a write that Elasticsearch rejected for good (e.g. a mapping error) into a dead-letter
 * write that keeps the document and the reason, so the data is not lost and can be fixed and
 * replayed.
 */
final class RejectedWrites {

    private RejectedWrites() {}

    static DocumentWrite deadLetter(DocumentWrite rejected, ErrorCause error, long now) {
        String detail =
                error == null ? "rejected without a reason" : error.type() + ": " + error.reason();
        DeadLetterDocument document =
                new DeadLetterDocument(
                        Instant.ofEpochMilli(now),
                        DeadLetterReason.INDEXING_REJECTED.name(),
                        detail,
                        "elasticsearch-sink:" + rejected.index(),
                        rejected.json(),
                        null,
                        null);
        try {
            return new DocumentWrite(
                    DocumentWrite.Action.INDEX,
                    MonthlyIndex.name("dead-letters", now),
                    rejected.index() + ":" + rejected.id(),
                    Documents.objectMapper().writeValueAsString(document));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
