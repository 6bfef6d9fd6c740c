package io.github.clickstream.appliance.cli;

import io.github.clickstream.appliance.events.datasets.DatasetFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The event file a batch command reads and its format. */
final class DatasetInputOptions {

    @Option(names = "--input", required = true, description = "Event file (.gz read as gzip)")
    Path input;

    @Option(
            names = "--format",
            defaultValue = "canonical",
            description =
                    "taobao, rees46, retailrocket, online-retail or canonical. Default: ${DEFAULT-VALUE}")
    String format;

    /** The format, once the file is known to be readable; a usage error otherwise. */
    DatasetFormat validated(CommandLine commandLine) {
        if (!Files.isReadable(input)) {
            throw new ParameterException(commandLine, "Cannot read --input " + input);
        }
        try {
            return DatasetFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(commandLine, e.getMessage());
        }
    }
}
