package io.github.clickstream.appliance.api;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code appliance api-key}: makes a new API key and shows the line the search API needs. */
@Command(
        name = "api-key",
        mixinStandardHelpOptions = true,
        description =
                "Generates a new search API key: hand the token to its user once, and add the"
                        + " printed name:role:sha256 line to the API's --api-keys or API_KEYS_FILE.")
public final class ApiKeyCommand implements Callable<Integer> {

    @Option(names = "--name", required = true, description = "Who the key is for (shown in logs)")
    String name;

    @Option(
            names = "--role",
            defaultValue = "reader",
            description =
                    "reader (reads, searches) or admin (also export and erase)."
                            + " Default: ${DEFAULT-VALUE}")
    String role;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        ApiRole parsed;
        try {
            parsed = ApiRole.ofKey(role);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--role: " + e.getMessage());
        }
        ApiKeys.NewKey key = ApiKeys.generate(name, parsed);
        spec.commandLine()
                .getOut()
                .println("token (give to the caller, shown once): " + key.token());
        spec.commandLine().getOut().println("config line (for --api-keys): " + key.configLine());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
