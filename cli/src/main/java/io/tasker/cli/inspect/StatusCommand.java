package io.tasker.cli.inspect;

import io.tasker.cli.CliEnvironment;
import io.tasker.cli.DatabaseFailures;
import io.tasker.cli.DatabaseOptions;
import io.tasker.cli.ExitCode;
import io.tasker.cli.run.OutputFormat;
import io.tasker.core.config.TaskerConfig;
import io.tasker.core.database.Database;
import io.tasker.core.database.Jdbc;
import io.tasker.core.json.Json;
import io.tasker.core.query.TaskQueries;
import io.tasker.core.query.TaskStatus;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tasker status}: where one task stands, read from the database; runs and changes nothing. */
@Command(name = "status",
        header = "Shows one task and its steps as stored.",
        mixinStandardHelpOptions = true,
        description = {
            "Shows task TASK_ID as stored: its template, state, times, context and tags, and each step's state,"
                    + " attempts (made/allowed), last attempt, results and error. Runs and changes nothing.",
            "",
            "Exit code 0 whatever state the task is in; 2 when there is no such task."})
public final class StatusCommand implements Callable<Integer> {

    private final CliEnvironment environment;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TASK_ID", description = "The id of the task.")
    private long taskId;

    @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (a summary for people) or json (one JSON document for programs). Default: ${DEFAULT-VALUE}.")
    private OutputFormat output;

    @Mixin
    private DatabaseOptions database;

    public StatusCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        TaskerConfig config = database.load(environment);
        TaskStatus task;
        try (Database db = Database.open(config.database())) {
            task = TaskLookup.require(new TaskQueries(new Jdbc(db.dataSource())), taskId,
                    DatabaseFailures.describe(config.database()));
        } catch (RuntimeException e) {
            throw DatabaseFailures.translate(e, config.database());
        }
        PrintWriter out = spec.commandLine().getOut();
        switch (output) {
            case text -> StatusReport.text(task, out);
            case json -> out.println(Json.write(StatusReport.document(task)));
        }
        return ExitCode.OK.code();
    }
}
