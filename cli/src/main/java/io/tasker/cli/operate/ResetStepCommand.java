package io.tasker.cli.operate;

import io.tasker.cli.CliEnvironment;
import io.tasker.cli.DatabaseOptions;
import io.tasker.core.model.StepState;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tasker reset-step}: gives a pending or failed step new attempts. */
@Command(name = "reset-step",
        header = "Gives a pending or failed step new attempts (attempts back to 0).",
        mixinStandardHelpOptions = true,
        description = {
            "Sets the attempts of step STEP of task TASK_ID back to 0 and makes it retryable again, so that it is run"
                    + " again even if it used up its attempts or failed permanently. The step must be pending or"
                    + " in error. A task in error whose failed steps can all run again goes back to pending.",
            "",
            "Audited: the transitions this causes carry the actor (cli:USER@HOST) and --reason in their metadata."
                    + " Needs no template file and no handler code: the template is read from the database."})
public final class ResetStepCommand implements Callable<Integer> {

    private final CliEnvironment environment;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TASK_ID", description = "The id of the task.")
    private long taskId;

    @Parameters(index = "1", paramLabel = "STEP", description = "The name of the step.")
    private String step;

    @Mixin
    private OperatorOptions options;

    @Mixin
    private DatabaseOptions database;

    public ResetStepCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        Action reset = new Action("reset-step", step,
                task -> Preconditions.stepIn(task, step, List.of(StepState.PENDING, StepState.ERROR), "reset-step"),
                (engine, id, actor) -> engine.resetStep(id, step, actor));
        return Operator.perform(reset, taskId, options, database, environment, spec.commandLine().getOut());
    }
}
