package io.github.clickstream.appliance.events;

/** Why a record could not be used. Stable codes: dashboards and alerts group by them. */
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
    INDEXING_REJECTED
}
