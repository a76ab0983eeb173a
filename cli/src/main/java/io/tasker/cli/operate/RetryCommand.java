package io.tasker.cli.operate;

import io.tasker.cli.CliEnvironment;
import io.tasker.cli.DatabaseOptions;
import io.tasker.core.model.TaskState;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tasker retry}: moves a task in error back to pending, with new attempts for its exhausted steps. */
@Command(name = "retry",
        header = "Moves a task in error back to pending, with new attempts for exhausted steps.",
        mixinStandardHelpOptions = true,
        description = {
            "Moves task TASK_ID from error back to pending: its failed steps become pending, and those that used up"
                    + " their attempts (or failed permanently) get new ones. A worker (or tasker run with the same"
                    + " idempotency key) then runs it.",
            "",
            "Audited: the transitions this causes carry the actor (cli:USER@HOST) and --reason in their metadata."
                    + " Needs no template file and no handler code: the template is read from the database."})
public final class RetryCommand implements Callable<Integer> {

    private final CliEnvironment environment;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TASK_ID", description = "The id of the task.")
    private long taskId;

    @Mixin
    private OperatorOptions options;

    @Mixin
    private DatabaseOptions database;

    public RetryCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        Action retry = new Action("retry", null,
                task -> Preconditions.taskIn(task, List.of(TaskState.ERROR), "retry"),
                (engine, id, actor) -> engine.retry(id, actor));
        return Operator.perform(retry, taskId, options, database, environment, spec.commandLine().getOut());
    }
}
