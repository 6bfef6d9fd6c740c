package io.github.clickstream.appliance.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.clickstream.appliance.cli.ApplianceCli;
import io.github.clickstream.appliance.jobs.JobOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * What the stack's services run: their flags and addresses, the volumes their files come from, and
 * the environment variables the program in each container actually reads (picocli's {@code
 * ${env:...}} defaults for the appliance and the job, the variables a script mentions for scripts).
 */
final class ServiceCommands {

    /** Variables the official Flink image's docker-entrypoint.sh reads. */
    private static final Set<String> FLINK_ENTRYPOINT_VARIABLES =
            Set.of(
                    "JOB_MANAGER_RPC_ADDRESS",
                    "FLINK_PROPERTIES",
                    "TASK_MANAGER_NUMBER_OF_TASK_SLOTS",
                    "ENABLE_BUILT_IN_PLUGINS",
                    "DISABLE_JEMALLOC");

    private static final Pattern SHELL_VARIABLE = Pattern.compile("\\$\\{?([A-Z][A-Z0-9_]*)");
    private static final Pattern ENV_DEFAULT = Pattern.compile("\\$\\{env:([A-Za-z0-9_]+)");

    /** A Flink application-mode command: the job's main class and the job's own arguments. */
    record FlinkJob(String className, List<String> arguments) {}

    private final ComposeFile compose;

    ServiceCommands(ComposeFile compose) {
        this.compose = compose;
    }

    /** Values of {@code flag} in the service's command and of the given environment variables. */
    List<String> values(String service, String flag, String... envNames) {
        List<String> values = new ArrayList<>();
        List<String> args = new ArrayList<>(compose.arguments(service, "entrypoint"));
        args.addAll(compose.arguments(service, "command"));
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals(flag)) {
                assertThat(i + 1).as("%s: value after %s", service, flag).isLessThan(args.size());
                values.add(args.get(i + 1));
            } else if (args.get(i).startsWith(flag + "=")) {
                values.add(args.get(i).substring(flag.length() + 1));
            }
        }
        for (String name : envNames) {
            String value = compose.environment(service).get(name);
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }

    /** Services that run the appliance command line (its image and its entry point). */
    List<String> applianceServices() {
        return compose.serviceNames().stream()
                .filter(s -> buildTarget(s).equals("appliance"))
                .filter(s -> !compose.service(s).has("entrypoint"))
                .toList();
    }

    FlinkJob flinkJob(String service) {
        List<String> args = compose.arguments(service, "command");
        assertThat(args).as("%s runs in application mode", service).startsWith("standalone-job");
        String className = null;
        int i = 1;
        // standalone-job's own options come first; Flink hands the rest to the job's main
        while (i < args.size()) {
            String arg = args.get(i);
            if (arg.equals("--job-classname") || arg.equals("-j")) {
                className = args.get(i + 1);
                i += 2;
            } else if (arg.equals("--job-id") || arg.equals("--fromSavepoint")) {
                i += 2;
            } else if (arg.equals("--allowNonRestoredState") || arg.startsWith("-D")) {
                i += 1;
            } else {
                break;
            }
        }
        assertThat(className).as("%s names the job's main class", service).isNotNull();
        return new FlinkJob(className, args.subList(i, args.size()));
    }

    /**
     * The environment variables the program in the service reads, or null for a third-party image
     * (Kafka, Elasticsearch, Kibana) whose own documentation is the reference.
     */
    Set<String> readableEnvironment(String service) {
        List<String> entrypoint = compose.arguments(service, "entrypoint");
        Set<String> names = new HashSet<>();
        String script = entrypoint.stream().filter(a -> a.endsWith(".sh")).findFirst().orElse(null);
        if (script != null) {
            names.addAll(shellVariables(ComposeFile.read(repositoryFile(service, script))));
            return names;
        }
        String target = buildTarget(service);
        if (target.isEmpty()) {
            return null;
        }
        names.addAll(
                shellVariables(ComposeFile.read(compose.directory.resolve("with-secrets.sh"))));
        names.addAll(shellVariables(ComposeFile.read(compose.directory.resolve("Dockerfile"))));
        if (target.equals("flink-job")) {
            names.addAll(FLINK_ENTRYPOINT_VARIABLES);
            names.addAll(environmentDefaults(new CommandLine(new JobOptions()).getCommandSpec()));
        } else {
            String command = compose.arguments(service, "command").get(0);
            CommandLine cli = ApplianceCli.commandLine();
            names.addAll(environmentDefaults(cli.getSubcommands().get(command).getCommandSpec()));
        }
        return names;
    }

    /** The mount whose target holds {@code path} (the deepest one). */
    ComposeFile.Mount mountOf(String service, String path) {
        return compose.mounts(service).stream()
                .filter(m -> path.equals(m.target()) || path.startsWith(m.target() + "/"))
                .max(Comparator.comparingInt(m -> m.target().length()))
                .orElseThrow(() -> new AssertionError(service + " mounts nothing at " + path));
    }

    /** {@code path}, relative to the root of {@code volume}, which must be what holds it. */
    String pathInVolume(String service, String path, String volume) {
        ComposeFile.Mount mount = mountOf(service, path);
        assertThat(mount.source()).as("%s: volume holding %s", service, path).isEqualTo(volume);
        return path.substring(mount.target().length() + 1);
    }

    Set<String> servicesMounting(String volume) {
        Set<String> services = new HashSet<>();
        for (String service : compose.serviceNames()) {
            if (compose.mounts(service).stream().anyMatch(m -> m.source().equals(volume))) {
                services.add(service);
            }
        }
        return services;
    }

    String mountTarget(String service, String volume) {
        return compose.mounts(service).stream()
                .filter(m -> m.source().equals(volume))
                .map(ComposeFile.Mount::target)
                .findFirst()
                .orElseThrow(() -> new AssertionError(service + " does not mount " + volume));
    }

    private String buildTarget(String service) {
        return compose.service(service).path("build").path("target").asText("");
    }

    /** The repository file behind a path in the container, through the service's bind mounts. */
    private Path repositoryFile(String service, String containerPath) {
        ComposeFile.Mount mount = mountOf(service, containerPath);
        assertThat(mount.isBind())
                .as("%s: %s comes from the repository", service, containerPath)
                .isTrue();
        String relative = containerPath.substring(mount.target().length() + 1);
        return compose.directory.resolve(mount.source()).resolve(relative).normalize();
    }

    private static Set<String> shellVariables(String script) {
        Set<String> names = new HashSet<>();
        Matcher m = SHELL_VARIABLE.matcher(script);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** Variables named in the options' {@code ${env:NAME}} defaults, mixins included. */
    private static Set<String> environmentDefaults(CommandSpec spec) {
        Set<String> names = new HashSet<>();
        spec.interpolateVariables(false); // the raw ${env:NAME:-default} text
        for (OptionSpec option : spec.options()) {
            String raw = option.defaultValue();
            if (raw != null) {
                Matcher m = ENV_DEFAULT.matcher(raw);
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }
}
