package io.github.clickstream.appliance.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stack's {@code docker/docker-compose.yml} as the tests read it: the raw text (for its {@code
 * ${VAR}} references), the YAML tree, and {@code docker/.env.example}, whose values stand in for a
 * user's {@code docker/.env} when a test needs concrete values. Accepts both the list and the map
 * forms Compose allows for environment, commands and depends_on.
 */
final class ComposeFile {

    /** {@code ${NAME}}, {@code ${NAME:-default}}, {@code ${NAME:?error}}; {@code $$} escapes. */
    private static final Pattern VARIABLE =
            Pattern.compile("(?<!\\$)\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?}");

    final Path repository;
    final Path directory;
    final String text;
    final JsonNode root;
    final Map<String, String> envExample;

    private ComposeFile(Path repository) {
        this.repository = repository;
        this.directory = repository.resolve("docker");
        this.text = read(directory.resolve("docker-compose.yml"));
        try {
            this.root = new ObjectMapper(new YAMLFactory()).readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("docker-compose.yml is not valid YAML", e);
        }
        this.envExample = parseEnvFile(read(directory.resolve(".env.example")));
    }

    /** The repository this test runs in (Maven runs tests with the module as basedir). */
    static ComposeFile load() {
        Path module = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
        return new ComposeFile(module.getParent().normalize());
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    Set<String> serviceNames() {
        Set<String> names = new LinkedHashSet<>();
        root.path("services").fieldNames().forEachRemaining(names::add);
        return names;
    }

    JsonNode service(String name) {
        JsonNode service = root.path("services").path(name);
        if (service.isMissingNode()) {
            throw new AssertionError("docker-compose.yml has no service " + name);
        }
        return service;
    }

    /** Names of every {@code ${VAR}} the compose file uses. */
    Set<String> variables() {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = VARIABLE.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** Replaces {@code ${VAR}} as Compose would with {@code .env.example} as the .env file. */
    String interpolate(String value) {
        Matcher m = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String defined = envExample.get(name);
            String operator = m.group(2);
            String replacement;
            if (defined != null && !defined.isEmpty()) {
                replacement = defined;
            } else if (operator != null && operator.endsWith("-")) {
                replacement = m.group(3);
            } else {
                throw new AssertionError("${" + name + "} is not set in .env.example");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString().replace("$$", "$");
    }

    /** The command (or entrypoint) as a list of interpolated arguments; empty when absent. */
    List<String> arguments(String service, String key) {
        JsonNode node = service(service).path(key);
        List<String> args = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(a -> args.add(interpolate(a.asText())));
        } else if (node.isTextual()) {
            for (String a : node.asText().trim().split("\\s+")) {
                args.add(interpolate(a));
            }
        }
        return args;
    }

    /** The service's environment, interpolated. */
    Map<String, String> environment(String service) {
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode node = service(service).path("environment");
        if (node.isArray()) {
            for (JsonNode entry : node) {
                String[] kv = entry.asText().split("=", 2);
                env.put(kv[0], kv.length > 1 ? interpolate(kv[1]) : "");
            }
        } else {
            node.properties().forEach(e -> env.put(e.getKey(), interpolate(e.getValue().asText())));
        }
        return env;
    }

    /** Service name to the condition it waits for ({@code service_started} for the list form). */
    Map<String, String> dependsOn(String service) {
        Map<String, String> targets = new LinkedHashMap<>();
        JsonNode node = service(service).path("depends_on");
        if (node.isArray()) {
            node.forEach(t -> targets.put(t.asText(), "service_started"));
        } else {
            node.properties()
                    .forEach(
                            e ->
                                    targets.put(
                                            e.getKey(),
                                            e.getValue()
                                                    .path("condition")
                                                    .asText("service_started")));
        }
        return targets;
    }

    /** The short-syntax volume entries {@code source:target[:mode]}, interpolated. */
    List<Mount> mounts(String service) {
        List<Mount> mounts = new ArrayList<>();
        for (JsonNode entry : service(service).path("volumes")) {
            String[] parts = interpolate(entry.asText()).split(":");
            mounts.add(new Mount(parts[0], parts[1], parts.length > 2 && parts[2].equals("ro")));
        }
        return mounts;
    }

    /** The short-syntax published ports, interpolated. */
    List<String> ports(String service) {
        List<String> ports = new ArrayList<>();
        service(service).path("ports").forEach(p -> ports.add(interpolate(p.asText())));
        return ports;
    }

    /** A volume entry; a source starting with {@code .} or {@code /} is a bind mount. */
    record Mount(String source, String target, boolean readOnly) {
        boolean isBind() {
            return source.startsWith(".") || source.startsWith("/");
        }
    }

    private static Map<String, String> parseEnvFile(String content) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : content.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] kv = trimmed.split("=", 2);
            values.put(kv[0].strip(), kv.length > 1 ? kv[1].strip() : "");
        }
        return values;
    }
}
