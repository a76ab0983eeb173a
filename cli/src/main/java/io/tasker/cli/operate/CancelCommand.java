package io.tasker.cli.operate;

import io.tasker.cli.CliEnvironment;
import io.tasker.cli.DatabaseOptions;
import io.tasker.core.model.TaskState;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tasker cancel}: cancels a task and its pending and running steps, through the engine's guarded operation. */
@Command(name = "cancel",
        header = "Cancels a task and its pending and running steps.",
        mixinStandardHelpOptions = true,
        description = {
            "Cancels task TASK_ID: the task becomes cancelled, and so do its pending and running steps. A task in error"
                    + " cannot be cancelled (retry it, or resolve its failed steps); a cancelled task stays cancelled.",
            "",
            "Audited: the transitions this causes carry the actor (cli:USER@HOST) and --reason in their metadata."
                    + " Needs no template file and no handler code: the template is read from the database."})
public final class CancelCommand implements Callable<Integer> {

    private final CliEnvironment environment;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TASK_ID", description = "The id of the task.")
    private long taskId;

    @Mixin
    private OperatorOptions options;

    @Mixin
    private DatabaseOptions database;

    public CancelCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        Action cancel = new Action("cancel", null,
                task -> Preconditions.taskCanMove(task, TaskState.CANCELLED, "cancel"),
                (engine, id, actor) -> engine.cancel(id, actor));
        return Operator.perform(cancel, taskId, options, database, environment, spec.commandLine().getOut());
    }
}
