package io.tasker.cli.submit;

import io.tasker.cli.CliEnvironment;
import io.tasker.cli.DatabaseFailures;
import io.tasker.cli.DatabaseOptions;
import io.tasker.cli.ExitCode;
import io.tasker.cli.OperatorEngines;
import io.tasker.cli.TemplateFiles;
import io.tasker.cli.run.ContextOptions;
import io.tasker.cli.run.OutputFormat;
import io.tasker.cli.run.TaskContext;
import io.tasker.cli.run.TaskRequestOptions;
import io.tasker.core.config.TaskerConfig;
import io.tasker.core.database.Database;
import io.tasker.core.engine.TaskRequest;
import io.tasker.core.engine.TaskerEngine;
import io.tasker.core.handler.HandlerResolutionException;
import io.tasker.core.json.Json;
import io.tasker.core.persistence.CreatedTask;
import io.tasker.core.template.TaskTemplate;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tasker submit}: the first half of {@code run}. Everything that needs no database is checked first, as
 * there; then the template is stored in the database (so that workers and operator commands need no file) and
 * the task is created, or found again by its idempotency key. No step runs and no handler code is loaded:
 * workers do that.
 */
@Command(name = "submit",
        header = "Creates a task of a template without running it and prints its id.",
        mixinStandardHelpOptions = true,
        description = {
            "Creates a task of TEMPLATE with the given context and prints its id; a worker runs it. The template is"
                    + " checked and stored in the database, so that workers and operator commands (status, cancel,"
                    + " ...) can use it without the file. Handlers are not loaded: check them with"
                    + " 'tasker validate --handlers DIR'.",
            "",
            "With --idempotency-key, submitting again returns the task the key already names (created: false)."})
public final class SubmitCommand implements Callable<Integer> {

    private final CliEnvironment environment;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TEMPLATE.yaml", description = "The task template of the task.")
    private Path templateFile;

    @ArgGroup(exclusive = true)
    private ContextOptions context;

    @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (a line for people) or json (one JSON document for programs). Default: ${DEFAULT-VALUE}.")
    private OutputFormat output;

    @Mixin
    private TaskRequestOptions request;

    @Mixin
    private DatabaseOptions database;

    public SubmitCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        TaskContext taskContext = ContextOptions.read(context);
        TaskTemplate template = TemplateFiles.load(templateFile, environment);
        TaskRequest taskRequest = request.request(template.key(), taskContext.values());
        TaskerConfig config = database.load(environment);
        taskContext.checkAgainst(template, config);
        try (Database db = Database.open(config.database());
             TaskerEngine engine = OperatorEngines.open(db, config, environment)) {
            engine.register(template);
            report(engine.submitTask(taskRequest), template);
            return ExitCode.OK.code();
        } catch (RuntimeException e) {
            throw DatabaseFailures.translate(e, config.database());
        } catch (HandlerResolutionException e) {
            throw new IllegalStateException("handlers that are never run cannot fail to resolve", e);
        }
    }

    private void report(CreatedTask task, TaskTemplate template) {
        PrintWriter out = spec.commandLine().getOut();
        switch (output) {
            case text -> out.println(task.created()
                    ? "Created task " + task.taskId() + " " + template.key() + " (pending; a worker runs it)"
                    : "Task " + task.taskId() + " " + task.key() + " already exists: the idempotency key names it;"
                            + " nothing was created");
            case json -> out.println(Json.write(document(task)));
        }
    }

    private static Map<String, Object> document(CreatedTask task) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("task_id", task.taskId());
        document.put("namespace", task.key().namespace());
        document.put("name", task.key().name());
        document.put("version", task.key().version());
        document.put("created", task.created());
        return document;
    }
}
