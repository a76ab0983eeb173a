package io.tasker.cli.inspect;

import io.tasker.cli.CliEnvironment;
import io.tasker.cli.DatabaseFailures;
import io.tasker.cli.DatabaseOptions;
import io.tasker.cli.ExitCode;
import io.tasker.cli.InvalidInputException;
import io.tasker.cli.run.OutputFormat;
import io.tasker.core.config.TaskerConfig;
import io.tasker.core.database.Database;
import io.tasker.core.database.Jdbc;
import io.tasker.core.model.TaskState;
import io.tasker.core.query.TaskFilter;
import io.tasker.core.query.TaskQueries;
import io.tasker.core.query.TaskSummary;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tasker tasks}: the newest tasks, filtered; one page at a time, the next one named by {@code --before}. */
@Command(name = "tasks",
        header = "Lists tasks, newest first, by state, namespace and name.",
        mixinStandardHelpOptions = true,
        description = {
            "Lists tasks newest first (by id): id, state, template, created and updated times. At most --limit"
                    + " tasks; when there may be more, the last line says how to get the next page (--before ID).",
            "Runs and changes nothing."})
public final class TasksCommand implements Callable<Integer> {

    private final CliEnvironment environment;

    @Spec
    private CommandSpec spec;

    @Option(names = "--status", paramLabel = "STATE",
            description = "Only tasks in this state: pending, in_progress, complete, error, cancelled or resolved_manually.")
    private String status;

    @Option(names = "--namespace", paramLabel = "NAMESPACE", description = "Only tasks of templates in this namespace.")
    private String namespace;

    @Option(names = "--name", paramLabel = "NAME", description = "Only tasks of templates with this name.")
    private String name;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "" + TaskFilter.DEFAULT_LIMIT,
            description = "At most this many tasks (1 to " + TaskFilter.MAX_LIMIT + "). Default: ${DEFAULT-VALUE}.")
    private int limit;

    @Option(names = "--before", paramLabel = "TASK_ID", description = "Only tasks with a smaller id: the next page.")
    private Long before;

    @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (a table for people) or json (one JSON document for programs). Default: ${DEFAULT-VALUE}.")
    private OutputFormat output;

    @Mixin
    private DatabaseOptions database;

    public TasksCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        TaskFilter filter = filter();
        TaskerConfig config = database.load(environment);
        List<TaskSummary> tasks;
        try (Database db = Database.open(config.database())) {
            tasks = new TaskQueries(new Jdbc(db.dataSource())).list(filter);
        } catch (RuntimeException e) {
            throw DatabaseFailures.translate(e, config.database());
        }
        TaskListReport.print(tasks, filter, output, spec.commandLine().getOut());
        return ExitCode.OK.code();
    }

    /** Checked before any database is used: a typo in a flag should not need one. */
    private TaskFilter filter() {
        if (status != null && Arrays.stream(TaskState.values()).noneMatch(s -> s.dbName().equals(status))) {
            throw new InvalidInputException("--status: got '" + status + "', expected one of "
                    + Arrays.stream(TaskState.values()).map(TaskState::dbName).collect(Collectors.joining(", ")));
        }
        if (limit < 1 || limit > TaskFilter.MAX_LIMIT) {
            throw new InvalidInputException("--limit: got " + limit + ", expected a number from 1 to " + TaskFilter.MAX_LIMIT);
        }
        return new TaskFilter(status, namespace, name, limit, before);
    }
}
