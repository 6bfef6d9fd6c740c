package io.github.clickstream.appliance.mappings;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Stream;

/**
 * The template files on the classpath ({@code /es-mappings/<name>.json}), named the way
 * Elasticsearch names them: {@code users@mappings} (component) and {@code users@template} (index).
 */
public final class TemplateFiles {

    /** Families with a mappings component and an index template each. */
    public static final List<String> FAMILIES =
            List.of("users", "items", "sessions", "metrics", "dead-letters");

    public static final String SHARED_SETTINGS = "appliance@settings";

    private TemplateFiles() {}

    public static List<String> componentTemplates() {
        return Stream.concat(
                        Stream.of(SHARED_SETTINGS), FAMILIES.stream().map(f -> f + "@mappings"))
                .toList();
    }

    public static List<String> indexTemplates() {
        return FAMILIES.stream().map(f -> f + "@template").toList();
    }

    public static InputStream open(String name) {
        InputStream in = TemplateFiles.class.getResourceAsStream("/es-mappings/" + name + ".json");
        if (in == null) {
            throw new IllegalStateException("Template file es-mappings/" + name + ".json missing");
        }
        return in;
    }

    public static JsonNode read(String name) {
        try (InputStream in = open(name)) {
            return Documents.objectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Template file " + name + " is not valid JSON", e);
        }
    }

    public static long version(String name) {
        return read(name).path("version").asLong();
    }
}
