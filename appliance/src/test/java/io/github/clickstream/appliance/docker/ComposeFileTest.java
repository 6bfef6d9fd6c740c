package io.github.clickstream.appliance.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The shape of {@code docker/docker-compose.yml}, checked without a Docker engine: pinned images,
 * ports on loopback only, files and build contexts that exist, variables that {@code .env.example}
 * defines, and a start-up order that can actually be followed.
 */
class ComposeFileTest {

    private static final Set<String> CONDITIONS =
            Set.of("service_started", "service_healthy", "service_completed_successfully");

    private final ComposeFile compose = ComposeFile.load();

    @Test
    void everyImageHasAnExactVersionTag() {
        for (String name : compose.serviceNames()) {
            String image = compose.service(name).path("image").asText();
            assertThat(image).as("image of %s", name).isNotEmpty();
            String tag = image.substring(image.lastIndexOf('/') + 1).replaceFirst("^[^:]*:?", "");
            assertThat(tag)
                    .as("tag of %s (%s)", name, image)
                    .isNotEqualTo("latest")
                    .matches("\\d+\\.\\d+\\.\\d+.*");
        }
    }

    @Test
    void theStackRunsTheVersionsTheBuildIsPinnedTo() {
        assertThat(compose.service("elasticsearch").path("image").asText())
                .isEqualTo(
                        "docker.elastic.co/elasticsearch/elasticsearch:"
                                + pomVersion("elasticsearch.version"));
        assertThat(compose.service("kibana").path("image").asText())
                .isEqualTo(
                        "docker.elastic.co/kibana/kibana:" + pomVersion("elasticsearch.version"));
        assertThat(compose.service("kafka").path("image").asText())
                .isEqualTo("apache/kafka:" + pomVersion("kafka.version"));
        String dockerfile = ComposeFile.read(compose.directory.resolve("Dockerfile"));
        assertThat(dockerfile).contains("FROM flink:" + pomVersion("flink.version") + "-java17 ");
    }

    @Test
    void publishedPortsAreBoundToLoopbackOnly() {
        List<String> published = new ArrayList<>();
        for (String name : compose.serviceNames()) {
            for (String port : compose.ports(name)) {
                assertThat(port).as("port of %s", name).matches("127\\.0\\.0\\.1:\\d+:\\d+");
                published.add(port);
            }
        }
        assertThat(published).as("something is published").isNotEmpty();
    }

    @Test
    void flinkRestApiIsNotPublished() {
        // Flink's REST API has no authentication: whoever reaches it can cancel or submit jobs.
        assertThat(compose.ports("jobmanager")).isEmpty();
        assertThat(compose.ports("taskmanager")).isEmpty();
        for (String name : compose.serviceNames()) {
            assertThat(compose.ports(name))
                    .as("ports of %s", name)
                    .noneMatch(p -> p.endsWith(":8081"));
        }
    }

    @Test
    void boundFilesAndBuildContextsExistInTheRepository() {
        int binds = 0;
        for (String name : compose.serviceNames()) {
            for (ComposeFile.Mount mount : compose.mounts(name)) {
                if (mount.isBind()) {
                    binds++;
                    Path source = compose.directory.resolve(mount.source()).normalize();
                    assertThat(source).as("bind mount of %s", name).exists();
                    assertThat(mount.readOnly())
                            .as("%s mounts %s read-only", name, source)
                            .isTrue();
                }
            }
            JsonNode build = compose.service(name).path("build");
            if (!build.isMissingNode()) {
                Path context =
                        compose.directory.resolve(build.path("context").asText()).normalize();
                Path dockerfile = context.resolve(build.path("dockerfile").asText("Dockerfile"));
                assertThat(dockerfile).as("Dockerfile of %s", name).isRegularFile();
                assertThat(stages(dockerfile)).contains(build.path("target").asText());
                for (String source : copiedFromContext(dockerfile)) {
                    assertThat(context.resolve(source)).as("COPY source %s", source).exists();
                }
            }
        }
        assertThat(binds).isPositive();
        assertThat(compose.repository.resolve(".dockerignore")).isRegularFile();
    }

    @Test
    void everyVariableIsDefinedInEnvExampleAndEveryDefinitionIsUsed() {
        Set<String> used = compose.variables();
        assertThat(compose.envExample.keySet())
                .as(".env.example defines what docker-compose.yml uses")
                .containsAll(used);
        assertThat(used)
                .as("docker-compose.yml uses what .env.example defines")
                .containsAll(compose.envExample.keySet());
    }

    @Test
    void dependenciesExistWaitOnRealConditionsAndHaveNoCycle() {
        Set<String> services = compose.serviceNames();
        for (String name : services) {
            for (Map.Entry<String, String> dep : compose.dependsOn(name).entrySet()) {
                assertThat(services).as("%s depends on", name).contains(dep.getKey());
                assertThat(CONDITIONS).contains(dep.getValue());
                JsonNode target = compose.service(dep.getKey());
                if (dep.getValue().equals("service_healthy")) {
                    assertThat(target.has("healthcheck"))
                            .as("%s waits for %s to be healthy", name, dep.getKey())
                            .isTrue();
                }
                if (dep.getValue().equals("service_completed_successfully")) {
                    assertThat(target.path("restart").asText())
                            .as("%s waits for one-shot %s", name, dep.getKey())
                            .isEqualTo("no");
                }
            }
        }
        assertThat(startOrder()).hasSameSizeAs(services);
    }

    @Test
    void theStartOrderPutsSetupBeforeItsUsers() {
        List<String> order = startOrder();
        assertThat(order.indexOf("certs")).isLessThan(order.indexOf("elasticsearch"));
        assertThat(order.indexOf("elasticsearch")).isLessThan(order.indexOf("setup"));
        for (String user : List.of("kibana", "jobmanager", "search-api")) {
            assertThat(order.indexOf("setup")).as(user).isLessThan(order.indexOf(user));
        }
        assertThat(order.indexOf("kibana")).isLessThan(order.indexOf("dashboards"));
        assertThat(order.indexOf("kafka-topics")).isLessThan(order.indexOf("jobmanager"));
        assertThat(order.indexOf("jobmanager")).isLessThan(order.indexOf("generator"));
    }

    /** Kahn's topological sort; a cycle leaves services out. */
    private List<String> startOrder() {
        List<String> order = new ArrayList<>();
        Set<String> pending = new TreeSet<>(compose.serviceNames());
        boolean progress = true;
        while (progress) {
            progress = false;
            for (String name : List.copyOf(pending)) {
                if (!new HashSet<>(order).containsAll(compose.dependsOn(name).keySet())) {
                    continue;
                }
                order.add(name);
                pending.remove(name);
                progress = true;
            }
        }
        return order;
    }

    private static Set<String> stages(Path dockerfile) {
        Set<String> stages = new HashSet<>();
        Matcher m = Pattern.compile("(?im)^FROM\\s+\\S+\\s+AS\\s+(\\S+)").matcher(read(dockerfile));
        while (m.find()) {
            stages.add(m.group(1));
        }
        return stages;
    }

    /** Sources of {@code COPY} lines that copy from the build context (not from a stage). */
    private static List<String> copiedFromContext(Path dockerfile) {
        List<String> sources = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^COPY\\s+(.+)$").matcher(read(dockerfile));
        while (m.find()) {
            List<String> words = new ArrayList<>(List.of(m.group(1).trim().split("\\s+")));
            if (words.stream().anyMatch(w -> w.startsWith("--from="))) {
                continue;
            }
            words.removeIf(w -> w.startsWith("--"));
            sources.addAll(words.subList(0, words.size() - 1));
        }
        assertThat(sources).as("COPY lines in %s", dockerfile).isNotEmpty();
        return sources;
    }

    private static String read(Path file) {
        assertThat(file).isRegularFile();
        return ComposeFile.read(file);
    }

    private static String pomVersion(String property) {
        String version = System.getProperty(property);
        assertThat(version)
                .as("system property %s (set by the appliance pom)", property)
                .isNotBlank();
        return version;
    }
}
