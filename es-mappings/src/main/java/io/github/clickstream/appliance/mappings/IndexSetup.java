package io.github.clickstream.appliance.mappings;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Applies the component templates, then the index templates, then creates the versioned indices
 * behind their aliases ({@code users} to {@code users-v1}). Idempotent: a template whose installed
 * {@code version} is at least the file's is left alone, and an existing alias is never touched, so
 * running it twice changes nothing and every job may run it at start-up. Bump a template's {@code
 * version} when you change it; existing monthly indices keep their mappings and new ones get it,
 * while the one index behind {@code users} or {@code items} gains the fields the update adds.
 */
public final class IndexSetup {

    /** Aliases that point at one versioned index, and the index to create when missing. */
    public static final Map<String, String> ALIASED_INDICES =
            Map.of("users", "users-v1", "items", "items-v1");

    private final ElasticsearchClient client;
    private final List<String> created = new ArrayList<>();
    private final List<String> updated = new ArrayList<>();
    private final List<String> unchanged = new ArrayList<>();

    public IndexSetup(ElasticsearchClient client) {
        this.client = client;
    }

    /** Connects, applies everything and closes; errors say what to do. */
    public static SetupReport apply(ElasticsearchConnection connection) {
        try (ElasticsearchClient client = ElasticsearchClients.create(connection)) {
            return new IndexSetup(client).apply();
        } catch (IOException e) {
            throw ElasticsearchClients.unreachable(connection, e);
        }
    }

    public SetupReport apply() throws IOException {
        created.clear();
        updated.clear();
        unchanged.clear();
        for (String name : TemplateFiles.componentTemplates()) {
            Long installed = installedComponentVersion(name);
            if (record(name, installed, TemplateFiles.version(name))) {
                try (InputStream body = TemplateFiles.open(name)) {
                    client.cluster().putComponentTemplate(r -> r.withJson(body).name(name));
                }
            }
        }
        for (String name : TemplateFiles.indexTemplates()) {
            Long installed = installedIndexTemplateVersion(name);
            if (record(name, installed, TemplateFiles.version(name))) {
                try (InputStream body = TemplateFiles.open(name)) {
                    client.indices().putIndexTemplate(r -> r.withJson(body).name(name));
                }
            }
        }
        for (Map.Entry<String, String> aliased : ALIASED_INDICES.entrySet()) {
            String alias = aliased.getKey();
            // an alias that exists is never moved: it may point at a newer index after a reindex
            if (client.indices().existsAlias(r -> r.name(alias)).value()) {
                addNewFields(alias);
                unchanged.add(alias);
            } else {
                createAliasedIndex(alias, aliased.getValue());
            }
        }
        return new SetupReport(List.copyOf(created), List.copyOf(updated), List.copyOf(unchanged));
    }

    /**
     * Puts the mappings of an updated {@code <alias>@mappings} template on the existing index
     * behind {@code alias}, which outlives template updates: new fields are added, and a change
     * Elasticsearch cannot make in place stops setup with what to do.
     */
    private void addNewFields(String alias) throws IOException {
        String template = alias + "@mappings";
        if (!updated.contains(template)) {
            return;
        }
        String mappings = TemplateFiles.read(template).path("template").path("mappings").toString();
        try {
            client.indices().putMapping(r -> r.withJson(new StringReader(mappings)).index(alias));
        } catch (ElasticsearchException e) {
            throw new IllegalStateException(
                    "The index behind "
                            + alias
                            + " cannot take the mappings of "
                            + template
                            + " version "
                            + TemplateFiles.version(template)
                            + " ("
                            + e.getMessage()
                            + "); reindex it into a new index and point the alias there",
                    e);
        }
    }

    /** Makes the missing {@code alias} point at {@code index}, creating the index when needed. */
    private void createAliasedIndex(String alias, String index) throws IOException {
        if (client.indices().exists(r -> r.index(alias)).value()) {
            // A write before setup auto-creates a plain index with guessed mappings; only a
            // human can decide whether its documents are worth keeping.
            throw new IllegalStateException(
                    "Elasticsearch has a plain index named "
                            + alias
                            + " (auto-created by a write before setup?), so the alias "
                            + alias
                            + " -> "
                            + index
                            + " cannot be created; delete that index or reindex it into "
                            + index
                            + ", then run setup again");
        }
        if (client.indices().exists(r -> r.index(index)).value()) {
            client.indices().putAlias(r -> r.index(index).name(alias).isWriteIndex(true));
            created.add(alias);
            return;
        }
        try {
            client.indices().create(r -> r.index(index).aliases(alias, a -> a.isWriteIndex(true)));
            created.add(index);
        } catch (ElasticsearchException e) {
            // Another setup (a second job starting at the same time) won the race.
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
            unchanged.add(alias);
        }
    }

    /** Records what will happen to one template; true when it must be written. */
    private boolean record(String name, Long installed, long wanted) {
        if (installed == null) {
            created.add(name);
            return true;
        }
        if (installed < wanted) {
            updated.add(name);
            return true;
        }
        unchanged.add(name);
        return false;
    }

    private Long installedComponentVersion(String name) throws IOException {
        return nullIfMissing(
                () -> {
                    var found = client.cluster().getComponentTemplate(r -> r.name(name));
                    return found.componentTemplates().isEmpty()
                            ? null
                            : versionOrZero(
                                    found.componentTemplates()
                                            .get(0)
                                            .componentTemplate()
                                            .version());
                });
    }

    private Long installedIndexTemplateVersion(String name) throws IOException {
        return nullIfMissing(
                () -> {
                    var found = client.indices().getIndexTemplate(r -> r.name(name));
                    return found.indexTemplates().isEmpty()
                            ? null
                            : versionOrZero(
                                    found.indexTemplates().get(0).indexTemplate().version());
                });
    }

    /** A template lookup that may answer 404. */
    private interface VersionLookup {
        Long version() throws IOException;
    }

    private static Long nullIfMissing(VersionLookup lookup) throws IOException {
        try {
            return lookup.version();
        } catch (ElasticsearchException e) {
            if (e.status() == 404) {
                return null;
            }
            throw e;
        }
    }

    private static Long versionOrZero(Long version) {
        return version == null ? 0L : version;
    }
}
