package io.github.clickstream.appliance.sink;

/**
 * What to do with one bulk item after Elasticsearch answered. Overload (429) and unavailability
 * (502/503/504) are worth retrying, and so is a version conflict (409) on an upsert, whose fields
 * were not merged; a 409 on a whole-document write with a deterministic id means the document is
 * already there, as does 404 on a delete. Refused credentials or privileges and index blocks
 * (401/403) fail the write: every later document would be refused too. Any other error (mapping
 * errors, strict fields) would fail again, so it goes to the dead letters instead of looping.
 */
public enum ItemOutcome {
    DONE,
    RETRY,
    DEAD_LETTER,
    FAIL;

    public static ItemOutcome of(int status, DocumentWrite.Action action) {
        if (status < 300) {
            return DONE;
        }
        if (status == 409) {
            return action == DocumentWrite.Action.UPSERT ? RETRY : DONE;
        }
        if (status == 401 || status == 403) {
            return FAIL;
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
