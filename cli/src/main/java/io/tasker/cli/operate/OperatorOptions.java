package io.tasker.cli.operate;

import io.tasker.cli.run.OutputFormat;
import picocli.CommandLine.Option;

/** What every operator command takes besides the task: why, and how to report. */
public final class OperatorOptions {

    @Option(names = "--reason", paramLabel = "TEXT",
            description = "Why: stored with who did it in the metadata of the transitions this causes.")
    String reason;

    @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (a summary for people) or json (one JSON document for programs). Default: ${DEFAULT-VALUE}.")
    OutputFormat output;
}
