package io.github.clickstream.appliance.sink;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The NDJSON body of a {@code _bulk} request: an action line per write (index and id escaped by
 * Jackson), followed by the already serialized document as it is; an upsert wraps it in {@code
 * {"doc": ..., "doc_as_upsert": true}} by concatenation, so no document is parsed again.
 */
final class BulkBody {

    static final int RETRIES_ON_CONFLICT = 3;
    private static final JsonFactory JSON = new JsonFactory();
    private static final byte[] UPSERT_END =
            ",\"doc_as_upsert\":true}\n".getBytes(StandardCharsets.UTF_8);

    private BulkBody() {}

    static byte[] of(List<DocumentWrite> writes) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(estimate(writes));
        try {
            for (DocumentWrite write : writes) {
                append(body, write);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory does not fail
        }
        return body.toByteArray();
    }

    private static void append(ByteArrayOutputStream body, DocumentWrite write) throws IOException {
        actionLine(body, write);
        switch (write.action()) {
            case INDEX -> {
                body.write(write.json().getBytes(StandardCharsets.UTF_8));
                body.write('\n');
            }
            case UPSERT -> {
                body.write("{\"doc\":".getBytes(StandardCharsets.UTF_8));
                body.write(write.json().getBytes(StandardCharsets.UTF_8));
                body.write(UPSERT_END);
            }
            case DELETE -> {
                // a delete has no document line
            }
        }
    }

    private static void actionLine(ByteArrayOutputStream body, DocumentWrite write)
            throws IOException {
        try (JsonGenerator line = JSON.createGenerator(body)) {
            line.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            line.writeStartObject();
            line.writeObjectFieldStart(
                    switch (write.action()) {
                        case INDEX -> "index";
                        case UPSERT -> "update";
                        case DELETE -> "delete";
                    });
            line.writeStringField("_index", write.index());
            line.writeStringField("_id", write.id());
            if (write.action() == DocumentWrite.Action.UPSERT) {
                line.writeNumberField("retry_on_conflict", RETRIES_ON_CONFLICT);
            }
            line.writeEndObject();
            line.writeEndObject();
        }
        body.write('\n');
    }

    private static int estimate(List<DocumentWrite> writes) {
        long bytes = 0;
        for (DocumentWrite write : writes) {
            bytes += 100 + (write.json() == null ? 0 : write.json().length());
        }
        return (int) Math.min(bytes, Integer.MAX_VALUE - 8);
    }
}
