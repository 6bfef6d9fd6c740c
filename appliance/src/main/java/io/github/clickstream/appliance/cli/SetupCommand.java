package io.github.clickstream.appliance.cli;

import io.github.clickstream.appliance.mappings.ElasticsearchConnectionOptions;
import io.github.clickstream.appliance.mappings.IndexSetup;
import io.github.clickstream.appliance.mappings.SetupReport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Applies the index templates and creates the aliased indices; safe to run again. */
@Command(
        name = "setup",
        mixinStandardHelpOptions = true,
        description = "Apply index templates and create the aliased indices (idempotent).")
final class SetupCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Mixin ElasticsearchConnectionOptions elasticsearch;

    @Override
    public Integer call() {
        SetupReport report = IndexSetup.apply(elasticsearch.toConnection());
        spec.commandLine().getOut().println(report);
        return 0;
    }
}
