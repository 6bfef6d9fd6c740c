package io.github.clickstream.appliance.sink;

/**
 * What to do with one bulk item after Elasticsearch answered. Only overload (429) and
 * unavailability (502/503/504) are worth retrying; a version conflict (409) on a write with a
 * deterministic id means the document is already there, as does 404 on a delete; any other error
 * (mapping errors, strict fields) would fail again, so it goes to the dead letters instead of
 * looping forever.
 */
public enum ItemOutcome {
    DONE,
    RETRY,
    DEAD_LETTER;

    public static ItemOutcome of(int status, DocumentWrite.Action action) {
        if (status < 300 || status == 409) {
            return DONE;
        }
        if (status == 404 && action == DocumentWrite.Action.DELETE) {
            return DONE;
        }
        if (status == 429 || status == 502 || status == 503 || status == 504) {
            return RETRY;
        }
        return DEAD_LETTER;
    }
}
