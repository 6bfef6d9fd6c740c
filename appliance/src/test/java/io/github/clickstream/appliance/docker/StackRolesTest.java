package io.github.clickstream.appliance.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.clickstream.appliance.mappings.IndexSetup;
import io.github.clickstream.appliance.mappings.TemplateFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The privileges of the API keys the setup service creates ({@code docker/setup/roles}): the Flink
 * writer can write every index the templates define and read only what an erasure must find (a
 * user's documents); the search API's key can read what the API serves and delete only what an
 * erasure removes, never write.
 */
class StackRolesTest {

    private static final Set<String> WRITE_PRIVILEGES = Set.of("write", "auto_configure");
    private static final Set<String> READ_PRIVILEGES = Set.of("read", "view_index_metadata");

    /** What an erasure searches and deletes: every index holding a user's own documents. */
    private static final List<String> ERASED_INDICES =
            List.of("users*", "sessions*", "dead-letters*");

    private final ComposeFile compose = ComposeFile.load();

    @Test
    void setupCreatesAKeyFromEachRoleFile() {
        String setup = ComposeFile.read(compose.directory.resolve("setup/setup.sh"));
        for (String role : List.of("flink-writer", "search-api-reader")) {
            assertThat(role(role)).isNotNull();
            assertThat(setup).contains("api_key " + role + " \"$here/roles/" + role + ".json\"");
        }
    }

    @Test
    void theWriterMayWriteEveryIndexAndAliasTheTemplatesDefine() {
        JsonNode writer = role("flink-writer");
        List<String> names = new ArrayList<>();
        for (String family : TemplateFiles.FAMILIES) {
            JsonNode template = TemplateFiles.read(family + "@template");
            // a monthly index such as sessions-2026.11
            template.path("index_patterns")
                    .forEach(p -> names.add(p.asText().replace("*", "2026.11")));
            template.path("template").path("aliases").fieldNames().forEachRemaining(names::add);
        }
        names.addAll(IndexSetup.ALIASED_INDICES.keySet());
        names.addAll(IndexSetup.ALIASED_INDICES.values());
        assertThat(names).hasSizeGreaterThan(TemplateFiles.FAMILIES.size());
        for (String name : names) {
            assertThat(privilegesOn(writer, name)).as("writer on %s", name).contains("write");
        }
    }

    @Test
    void theWriterReadsOnlyWhatErasureSearchesAndHasNoClusterPrivileges() {
        JsonNode writer = role("flink-writer");
        assertThat(writer.path("cluster")).isEmpty();
        for (JsonNode indices : writer.path("indices")) {
            Set<String> privileges = Set.copyOf(texts(indices.path("privileges")));
            if (privileges.contains("read")) {
                assertThat(privileges).containsExactly("read");
                assertThat(texts(indices.path("names")))
                        .containsExactlyInAnyOrderElementsOf(ERASED_INDICES);
            } else {
                assertThat(privileges).isSubsetOf(WRITE_PRIVILEGES);
            }
        }
        assertThat(privilegesOn(writer, "items")).doesNotContain("read");
    }

    @Test
    void theReaderMayReadWhatTheApiServesAndWriteNothing() {
        JsonNode reader = role("search-api-reader");
        for (String name : List.of("users", "items", "users-v1", "items-v1")) {
            assertThat(privilegesOn(reader, name)).as("reader on %s", name).contains("read");
        }
        assertThat(texts(reader.path("cluster"))).containsExactly("monitor");
        for (JsonNode indices : reader.path("indices")) {
            List<String> privileges = texts(indices.path("privileges"));
            assertThat(privileges).doesNotContain("write", "index", "all");
            if (privileges.contains("delete")) {
                assertThat(texts(indices.path("names")))
                        .containsExactlyInAnyOrderElementsOf(ERASED_INDICES);
            } else {
                assertThat(privileges).isSubsetOf(READ_PRIVILEGES);
            }
        }
        assertThat(privilegesOn(reader, "items")).doesNotContain("delete");
        assertThat(privilegesOn(reader, "dead-letters-2026.11")).contains("read", "delete");
    }

    private JsonNode role(String name) {
        Path file = compose.directory.resolve("setup/roles/" + name + ".json");
        try {
            return new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new AssertionError("Cannot read " + file, e);
        }
    }

    /** The privileges the role grants on an index name, through any matching name pattern. */
    private static Set<String> privilegesOn(JsonNode role, String index) {
        Set<String> privileges = new HashSet<>();
        for (JsonNode indices : role.path("indices")) {
            for (JsonNode pattern : indices.path("names")) {
                if (glob(pattern.asText()).matcher(index).matches()) {
                    privileges.addAll(texts(indices.path("privileges")));
                }
            }
        }
        return privileges;
    }

    private static Pattern glob(String pattern) {
        return Pattern.compile(
                Arrays.stream(pattern.split("\\*", -1))
                        .map(Pattern::quote)
                        .collect(Collectors.joining(".*")));
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
