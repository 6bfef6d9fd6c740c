package io.github.clickstream.appliance.events;

/**
 * Why a record could not be used. Stable codes: dashboards and alerts group by them, so new codes
 * go at the end and none is renamed. {@code DUPLICATE_EVENT} and {@code LATE_EVENT} come from the
 * stages after parsing, {@code INDEXING_REJECTED} from the Elasticsearch sink.
 */
public enum DeadLetterReason {
    NULL_PAYLOAD,
    OVERSIZED_PAYLOAD,
    INVALID_UTF8,
    MALFORMED_JSON,
    NOT_AN_OBJECT,
    MISSING_FIELD,
    INVALID_FIELD,
    UNKNOWN_EVENT_TYPE,
    INVALID_PRICE,
    INVALID_QUANTITY,
    INVALID_TIMESTAMP,
    FUTURE_TIMESTAMP,
    DUPLICATE_EVENT,
    LATE_EVENT,
    INDEXING_REJECTED,
    /** A dataset file's line that is not a CSV record (an unclosed quote, for example). */
    MALFORMED_CSV,
    /** A model file offered for hot swap that failed validation; the old model keeps scoring. */
    MODEL_REFUSED
}
