package io.github.clickstream.appliance.kibana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The saved objects of {@code kibana/saved-objects.ndjson}, one JSON object per line, as the Kibana
 * import API reads them; lookups by id and type for the checks that follow references.
 */
public final class SavedObjects {

    /** The file, relative to the module (Maven runs tests with the module as basedir). */
    public static final Path FILE =
            Path.of(System.getProperty("basedir", "."), "saved-objects.ndjson");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<JsonNode> objects;

    private SavedObjects(List<JsonNode> objects) {
        this.objects = List.copyOf(objects);
    }

    public static SavedObjects read() {
        return read(FILE);
    }

    public static SavedObjects read(Path file) {
        try {
            List<JsonNode> objects = new ArrayList<>();
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                try {
                    objects.add(JSON.readTree(lines.get(i)));
                } catch (IOException e) {
                    throw new IllegalStateException(file + " line " + (i + 1) + " is not JSON", e);
                }
            }
            return new SavedObjects(objects);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file.toAbsolutePath(), e);
        }
    }

    /** Parses a JSON document stored as a string attribute ({@code panelsJSON} ...). */
    public static JsonNode parseEmbedded(JsonNode text) {
        try {
            return JSON.readTree(text.asText());
        } catch (IOException e) {
            throw new IllegalStateException("Embedded JSON is invalid: " + text, e);
        }
    }

    public List<JsonNode> all() {
        return objects;
    }

    public List<JsonNode> ofType(String type) {
        return objects.stream().filter(o -> type.equals(o.path("type").asText())).toList();
    }

    public Optional<JsonNode> find(String type, String id) {
        return objects.stream()
                .filter(o -> type.equals(o.path("type").asText()))
                .filter(o -> id.equals(o.path("id").asText()))
                .findFirst();
    }

    /** The index pattern (alias) of a data view, e.g. {@code users}. */
    public String indexOfDataView(String dataViewId) {
        return find("index-pattern", dataViewId)
                .orElseThrow(() -> new IllegalStateException("No data view " + dataViewId))
                .path("attributes")
                .path("title")
                .asText();
    }

    /** The id of the object a reference of {@code owner} named {@code name} points at. */
    public static Optional<String> referenceId(JsonNode owner, String name) {
        for (JsonNode reference : owner.path("references")) {
            if (name.equals(reference.path("name").asText())) {
                return Optional.of(reference.path("id").asText());
            }
        }
        return Optional.empty();
    }
}
