package io.github.clickstream.appliance.sink;

/**
 * One write to Elasticsearch, already serialized: put a whole document ({@link Action#INDEX}),
 * merge fields into a document that may not exist yet ({@link Action#UPSERT}, {@code
 * doc_as_upsert}), or delete one. Ids are deterministic, so replaying a write overwrites instead of
 * duplicating.
 */
public record DocumentWrite(Action action, String index, String id, String json) {

    /** What to do with the document. */
    public enum Action {
        INDEX,
        UPSERT,
        DELETE
    }
}
