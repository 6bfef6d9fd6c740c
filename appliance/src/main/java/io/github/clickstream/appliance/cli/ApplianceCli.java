package io.github.clickstream.appliance.cli;

import io.github.clickstream.appliance.api.ApiKeyCommand;
import io.github.clickstream.appliance.api.SearchApiMain;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code appliance} command line: one entry point for setting up Elasticsearch, running the
 * local stack and the demo. Each sub-command is its own class; this one only wires them.
 */
@Command(
        name = "appliance",
        mixinStandardHelpOptions = true,
        versionProvider = ApplianceVersion.class,
        description = "Conversion & retention appliance: Flink + Elasticsearch for online shops.",
        subcommands = {
            SetupCommand.class,
            LocalStackCommand.class,
            DemoCommand.class,
            ReplayCommand.class,
            GenerateCommand.class,
            FeaturesCommand.class,
            TrainCommand.class,
            ScoreCommand.class,
            DeployModelCommand.class,
            EvaluateRecsCommand.class,
            SearchApiMain.class,
            ApiKeyCommand.class,
            CommandLine.HelpCommand.class
        })
public final class ApplianceCli {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, shared by {@link #main} and the tests. */
    public static CommandLine commandLine() {
        return new CommandLine(new ApplianceCli())
                .setExecutionExceptionHandler(new UserFacingErrors());
    }
}
