package io.tasker.cli.purge;

import io.tasker.cli.CliEnvironment;
import io.tasker.cli.DatabaseFailures;
import io.tasker.cli.DatabaseOptions;
import io.tasker.cli.ExitCode;
import io.tasker.cli.InvalidInputException;
import io.tasker.cli.run.OutputFormat;
import io.tasker.core.config.TaskerConfig;
import io.tasker.core.database.Database;
import io.tasker.core.database.Jdbc;
import io.tasker.core.maintenance.Purge;
import io.tasker.core.maintenance.PurgeReport;
import io.tasker.core.maintenance.PurgeRequest;
import java.time.InstantSource;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tasker purge}: removes (or archives) finished tasks older than an age, batch by batch. */
@Command(name = "purge",
        header = "Deletes or archives finished tasks older than an age, in batches.",
        mixinStandardHelpOptions = true,
        description = {
            "Deletes the tasks that finished (complete, cancelled or resolved_manually; with --include-error also"
                    + " error) longer ago than --older-than, by the time of their last transition, with their steps,"
                    + " edges, step and task transitions and annotations. With --archive the rows are moved into the"
                    + " tasker_archived_* tables instead. Pending and running tasks are never touched.",
            "",
            "Works in batches of --batch-size tasks, one short transaction each; tasks locked by a running operation"
                    + " are skipped (the next purge takes them). Transitions are only ever purged with their task:"
                    + " they are its audit trail. --dry-run counts what would go and changes nothing."})
public final class PurgeCommand implements Callable<Integer> {

    private final CliEnvironment environment;

    @Spec
    private CommandSpec spec;

    @Option(names = "--older-than", paramLabel = "AGE", required = true, converter = Age.Converter.class,
            description = "Only tasks that finished longer ago than this: 30d, 12h, 90m or 45s.")
    private Age olderThan;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "" + PurgeRequest.DEFAULT_BATCH_SIZE,
            description = "Tasks per transaction (1 to " + PurgeRequest.MAX_BATCH_SIZE + "). Default: ${DEFAULT-VALUE}.")
    private int batchSize;

    @Option(names = "--include-error", description = "Also purge tasks that ended in error (which could still be retried).")
    private boolean includeError;

    @Option(names = "--archive", description = "Move the rows into the tasker_archived_* tables instead of deleting them.")
    private boolean archive;

    @Option(names = "--dry-run", description = "Count what would be purged; change nothing.")
    private boolean dryRun;

    @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (a summary for people) or json (one JSON document for programs). Default: ${DEFAULT-VALUE}.")
    private OutputFormat output;

    @Mixin
    private DatabaseOptions database;

    public PurgeCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        PurgeRequest request = request();
        TaskerConfig config = database.load(environment);
        PurgeReport report;
        try (Database db = Database.open(config.database())) {
            report = new Purge(new Jdbc(db.dataSource()), InstantSource.system()).run(request);
        } catch (RuntimeException e) {
            throw DatabaseFailures.translate(e, config.database());
        }
        PurgeReports.print(report, olderThan.text(), output, spec.commandLine().getOut());
        return ExitCode.OK.code();
    }

    /** Checked before any database is used. */
    private PurgeRequest request() {
        if (batchSize < 1 || batchSize > PurgeRequest.MAX_BATCH_SIZE) {
            throw new InvalidInputException("--batch-size: got " + batchSize + ", expected a number from 1 to "
                    + PurgeRequest.MAX_BATCH_SIZE);
        }
        PurgeRequest request = PurgeRequest.olderThan(olderThan.duration()).inBatchesOf(batchSize);
        request = includeError ? request.includingError() : request;
        request = archive ? request.archiving() : request;
        return dryRun ? request.dryRunning() : request;
    }
}
