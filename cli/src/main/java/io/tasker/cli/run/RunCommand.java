package io.tasker.cli.run;

import io.tasker.cli.CliEnvironment;
import io.tasker.cli.DatabaseFailures;
import io.tasker.cli.DatabaseOptions;
import io.tasker.cli.ExitCode;
import io.tasker.cli.HandlerRoots;
import io.tasker.cli.InvalidInputException;
import io.tasker.cli.ServiceUnavailableException;
import io.tasker.cli.TemplateFiles;
import io.tasker.core.config.ConfigLoader;
import io.tasker.core.config.TaskerConfig;
import io.tasker.core.database.Database;
import io.tasker.core.engine.TaskRequest;
import io.tasker.core.engine.TaskResult;
import io.tasker.core.engine.TaskerEngine;
import io.tasker.core.handler.HandlerResolutionException;
import io.tasker.core.model.TaskState;
import io.tasker.core.persistence.CreatedTask;
import io.tasker.core.template.TaskTemplate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tasker run}: everything that needs no database (context, template, handler roots, configuration) is
 * checked first, so bad input fails fast and creates nothing; then the task is created, or found again by its
 * idempotency key, and run to its end.
 */
@Command(name = "run",
        header = "Runs a task of a template to its end and reports every step.",
        mixinStandardHelpOptions = true,
        description = {
            "Runs a task of TEMPLATE to its end: creates the task with the given context, runs its steps in"
                    + " dependency order (waiting out retry backoffs) and prints each step's status, attempts,"
                    + " results and error.",
            "",
            "Exit code 0 when the task is complete, 1 when it ended in error, 2 for invalid input, 3 when the"
                    + " database is unavailable. With --idempotency-key, running again resumes the same task."})
public final class RunCommand implements Callable<Integer> {

    private final CliEnvironment environment;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TEMPLATE.yaml", description = "The task template to run.")
    private Path templateFile;

    @ArgGroup(exclusive = true)
    private ContextOptions context;

    @Option(names = "--handlers", paramLabel = "DIR",
            description = "A folder (searched for jars) or a jar holding step handlers; repeat for several.")
    private List<Path> handlerRoots = new ArrayList<>();

    @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (a summary for people) or json (one JSON document for programs). Default: ${DEFAULT-VALUE}.")
    private OutputFormat output;

    @Mixin
    private TaskRequestOptions request;

    @Mixin
    private DatabaseOptions database;

    public RunCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws InterruptedException {
        TaskContext taskContext = ContextOptions.read(context);
        List<Path> roots = HandlerRoots.checked(handlerRoots);
        TaskTemplate template = TemplateFiles.load(templateFile, environment);
        TaskRequest taskRequest = request.request(template.key(), taskContext.values());
        TaskerConfig config = database.load(environment);
        taskContext.checkAgainst(template, config);
        try {
            return run(template, taskRequest, roots, config);
        } catch (RuntimeException e) {
            throw DatabaseFailures.translate(e, config.database());
        }
    }

    private int run(TaskTemplate template, TaskRequest taskRequest, List<Path> roots, TaskerConfig config)
            throws InterruptedException {
        try (Database db = Database.open(config.database());
             TaskerEngine engine = TaskerEngine.builder(db.dataSource(), config).handlerRoots(roots)
                     .environmentName(ConfigLoader.environmentName(environment.variables())).build()) {
            register(engine, template);
            CreatedTask created = engine.createTask(taskRequest);
            TaskResult result = runToEnd(engine, created.taskId(), taskRequest, config);
            report(result, !created.created());
            return TaskState.fromDb(result.status()).isSuccessful() ? ExitCode.OK.code() : ExitCode.TASK_FAILED.code();
        }
    }

    /** A database lost mid-run leaves the task as far as it got; the message says how to pick it up again. */
    private static TaskResult runToEnd(TaskerEngine engine, long taskId, TaskRequest taskRequest, TaskerConfig config)
            throws InterruptedException {
        try {
            return engine.runToEnd(taskId);
        } catch (RuntimeException e) {
            RuntimeException failure = DatabaseFailures.translate(e, config.database());
            if (failure instanceof ServiceUnavailableException) {
                throw new ServiceUnavailableException(failure.getMessage() + "\n" + resumeAdvice(taskId, taskRequest), e);
            }
            throw failure;
        }
    }

    private static String resumeAdvice(long taskId, TaskRequest taskRequest) {
        String kept = "Task " + taskId + " keeps every step outcome stored before the database went away; ";
        return taskRequest.idempotencyKey() != null
                ? kept + "run the same command again to resume it."
                : kept + "running the command again creates a new task (give --idempotency-key to resume one instead).";
    }

    private void register(TaskerEngine engine, TaskTemplate template) {
        try {
            engine.register(template);
        } catch (HandlerResolutionException e) {
            throw new InvalidInputException(templateFile + ": step handlers cannot be used:\n  "
                    + e.getMessage().replace("\n", "\n  "), e);
        }
    }

    private void report(TaskResult result, boolean resumed) {
        switch (output) {
            case text -> TextReport.print(result, resumed, spec.commandLine().getOut());
            case json -> JsonReport.print(result, spec.commandLine().getOut());
        }
    }
}
