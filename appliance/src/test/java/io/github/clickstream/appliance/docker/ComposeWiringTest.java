package io.github.clickstream.appliance.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.clickstream.appliance.cli.ApplianceCli;
import io.github.clickstream.appliance.jobs.ClickstreamJob;
import io.github.clickstream.appliance.jobs.JobOptions;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * How the stack's services reach each other: every Elasticsearch, Kafka and Kibana address is a
 * service of the stack on a port it listens on, CA certificates and API keys come from the volumes
 * that hold them, and the appliance and job commands accept the arguments the stack passes.
 */
class ComposeWiringTest {

    private final ComposeFile compose = ComposeFile.load();
    private final ServiceCommands commands = new ServiceCommands(compose);

    @Test
    void everyElasticsearchAddressIsTheStacksNodeOverHttps() {
        Map<String, String> es = compose.environment("elasticsearch");
        assertThat(es).containsEntry("xpack.security.http.ssl.enabled", "true");
        int httpPort = containerPorts("elasticsearch").get(0);
        Set<String> users = new HashSet<>();
        for (String service : compose.serviceNames()) {
            for (String url :
                    commands.values(service, "--es-url", "ES_URL", "ELASTICSEARCH_HOSTS")) {
                URI uri = URI.create(url);
                assertThat(uri.getScheme()).as("%s: %s", service, url).isEqualTo("https");
                assertThat(uri.getHost())
                        .as("%s: %s", service, url)
                        .isEqualTo(hostOf("elasticsearch"));
                assertThat(uri.getPort()).as("%s: %s", service, url).isEqualTo(httpPort);
                users.add(service);
            }
        }
        assertThat(users).containsExactlyInAnyOrder("setup", "kibana", "jobmanager", "search-api");
    }

    @Test
    void everyKafkaAddressIsOneTheBrokerAdvertisesInsideTheStack() {
        Map<String, String> listeners = listenerMap("KAFKA_LISTENERS");
        Map<String, String> advertised = listenerMap("KAFKA_ADVERTISED_LISTENERS");
        Set<String> inside = new HashSet<>();
        advertised.forEach(
                (name, address) -> {
                    String port = address.substring(address.lastIndexOf(':') + 1);
                    assertThat(listeners.get(name)).as("listener %s", name).endsWith(":" + port);
                    if (compose.serviceNames().contains(address.split(":")[0])) {
                        inside.add(address);
                    }
                });
        // The host reaches the broker only through a published port that it advertises as
        // localhost.
        for (String published : compose.ports("kafka")) {
            String[] parts = published.split(":");
            assertThat(advertised).containsValue("localhost:" + parts[1]);
            assertThat(listeners).containsValue(":" + parts[2]);
        }
        Set<String> users = new HashSet<>();
        for (String service : compose.serviceNames()) {
            for (String bootstrap :
                    commands.values(service, "--kafka-bootstrap", "KAFKA_BOOTSTRAP")) {
                assertThat(inside).as("%s: %s", service, bootstrap).contains(bootstrap);
                users.add(service);
            }
        }
        assertThat(users)
                .containsExactlyInAnyOrder("kafka-topics", "jobmanager", "generator", "search-api");
    }

    @Test
    void dashboardsAreImportedIntoTheStacksKibana() {
        URI kibana = URI.create(compose.environment("dashboards").get("KIBANA_URL"));
        assertThat(kibana.getHost()).isEqualTo(hostOf("kibana"));
        assertThat(containerPorts("kibana")).contains(kibana.getPort());
        assertThat(compose.environment("dashboards").get("ELASTIC_PASSWORD"))
                .isEqualTo(compose.environment("elasticsearch").get("ELASTIC_PASSWORD"));
        assertThat(compose.environment("kibana").get("ELASTICSEARCH_PASSWORD"))
                .isEqualTo(compose.environment("setup").get("KIBANA_PASSWORD"));
    }

    @Test
    void caCertificatesAreReadFromTheCertsVolume() {
        String certsScript = ComposeFile.read(compose.directory.resolve("setup/certs.sh"));
        int readers = 0;
        for (String service : compose.serviceNames()) {
            List<String> paths =
                    new ArrayList<>(commands.values(service, "--es-ca-cert", "ES_CA_CERT"));
            String kibanaCa =
                    compose.environment(service).get("ELASTICSEARCH_SSL_CERTIFICATEAUTHORITIES");
            if (kibanaCa != null) {
                paths.add("/usr/share/kibana/" + kibanaCa);
            }
            for (String path : paths) {
                String inVolume = commands.pathInVolume(service, path, "certs");
                assertThat(inVolume).as("%s: %s", service, path).isEqualTo("ca/ca.crt");
                assertThat(certsScript).contains("$certs/" + inVolume);
                readers++;
            }
        }
        assertThat(readers).isGreaterThanOrEqualTo(4);
    }

    @Test
    void eachApiKeyComesFromAVolumeOnlyItsServiceAndSetupMount() {
        String setupScript = ComposeFile.read(compose.directory.resolve("setup/setup.sh"));
        List<String> keyUsers = new ArrayList<>();
        for (String service : compose.serviceNames()) {
            String file = compose.environment(service).get("ES_API_KEY_FILE");
            if (file == null) {
                continue;
            }
            keyUsers.add(service);
            ComposeFile.Mount mount = commands.mountOf(service, file);
            assertThat(mount.isBind()).isFalse();
            assertThat(mount.readOnly()).as("%s mounts its key read-only", service).isTrue();
            assertThat(commands.servicesMounting(mount.source()))
                    .containsExactlyInAnyOrder(service, "setup");
            String setupDir = commands.mountTarget("setup", mount.source());
            String name = file.substring(mount.target().length() + 1);
            assertThat(setupScript)
                    .as("setup.sh writes %s/%s", setupDir, name)
                    .contains(setupDir)
                    .contains("/" + name + "\"");
        }
        assertThat(keyUsers).containsExactlyInAnyOrder("jobmanager", "search-api");
    }

    @Test
    void applianceCommandsAcceptTheArgumentsTheStackPasses() {
        List<String> checked = new ArrayList<>();
        for (String service : commands.applianceServices()) {
            List<String> args = compose.arguments(service, "command");
            CommandLine cli = ApplianceCli.commandLine();
            cli.parseArgs(args.toArray(String[]::new)); // throws on unknown options and bad values
            assertThat(cli.getSubcommands()).containsKey(args.get(0));
            checked.add(service);
        }
        assertThat(checked).containsExactlyInAnyOrder("search-api", "generator");
    }

    @Test
    void theJobManagerRunsTheClickstreamJobWithOptionsItAccepts() {
        ServiceCommands.FlinkJob job = commands.flinkJob("jobmanager");
        assertThat(job.className()).isEqualTo(ClickstreamJob.class.getName());
        JobOptions options = new JobOptions();
        new CommandLine(options).parseArgs(job.arguments().toArray(String[]::new));
        assertThat(options.toConfig().kafkaBootstrapServers()).isEqualTo("kafka:9092");
        assertThat(ComposeFile.read(compose.directory.resolve("Dockerfile")))
                .contains("/opt/flink/usrlib/clickstream-job.jar");
    }

    @Test
    void everyEnvironmentVariableIsOneItsServiceReads() {
        List<String> checked = new ArrayList<>();
        for (String service : compose.serviceNames()) {
            Set<String> readable = commands.readableEnvironment(service);
            if (readable == null) {
                continue; // a third-party image with its own conventions
            }
            assertThat(readable)
                    .as("environment of %s", service)
                    .containsAll(compose.environment(service).keySet());
            checked.add(service);
        }
        assertThat(checked)
                .contains("setup", "dashboards", "kafka-topics", "jobmanager", "search-api");
    }

    @Test
    void checkpointsGoToAVolumeBothFlinkProcessesMount() {
        String dockerfile = ComposeFile.read(compose.directory.resolve("Dockerfile"));
        assertThat(dockerfile).contains("-Dstate.backend.type=rocksdb");
        Matcher m =
                Pattern.compile("-Dexecution\\.checkpointing\\.dir=file://(\\S+)")
                        .matcher(dockerfile);
        assertThat(m.find()).as("checkpoint directory in the Dockerfile").isTrue();
        String directory = m.group(1);
        ComposeFile.Mount jobManager = commands.mountOf("jobmanager", directory);
        ComposeFile.Mount taskManager = commands.mountOf("taskmanager", directory);
        assertThat(jobManager.isBind()).isFalse();
        assertThat(jobManager.target()).isEqualTo(directory);
        assertThat(taskManager).isEqualTo(jobManager);
        assertThat(jobManager.readOnly()).isFalse();
    }

    private String hostOf(String service) {
        assertThat(compose.serviceNames()).contains(service);
        return compose.service(service).path("hostname").asText(service);
    }

    private List<Integer> containerPorts(String service) {
        List<Integer> ports = new ArrayList<>();
        for (String published : compose.ports(service)) {
            ports.add(Integer.parseInt(published.substring(published.lastIndexOf(':') + 1)));
        }
        assertThat(ports).as("published ports of %s", service).isNotEmpty();
        return ports;
    }

    /** {@code NAME://host:port,...} as listener name to {@code host:port}. */
    private Map<String, String> listenerMap(String variable) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (String listener : compose.environment("kafka").get(variable).split(",")) {
            String[] parts = listener.split("://", 2);
            map.put(parts[0], parts[1]);
        }
        return map;
    }
}
