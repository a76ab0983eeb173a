package io.tasker.cli.operate;

import io.tasker.cli.CliEnvironment;
import io.tasker.cli.DatabaseOptions;
import io.tasker.cli.JsonArgument;
import io.tasker.core.model.StepState;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tasker resolve}: marks a pending or failed step resolved by hand, with the results it should have had. */
@Command(name = "resolve",
        header = "Marks a pending or failed step resolved by hand, with the given results.",
        mixinStandardHelpOptions = true,
        description = {
            "Moves step STEP of task TASK_ID to resolved_manually with --results as its results, as if it had"
                    + " completed: the steps that depend on it may run. A task in error whose failed steps are all"
                    + " dealt with goes back to pending.",
            "",
            "Audited: the transitions this causes carry the actor (cli:USER@HOST) and --reason in their metadata."
                    + " Needs no template file and no handler code: the template is read from the database."})
public final class ResolveCommand implements Callable<Integer> {

    private final CliEnvironment environment;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TASK_ID", description = "The id of the task.")
    private long taskId;

    @Parameters(index = "1", paramLabel = "STEP", description = "The name of the step.")
    private String step;

    @Option(names = "--results", paramLabel = "JSON", required = true,
            description = "The step's results as JSON, e.g. '{\"charged\": true}': what the steps after it read.")
    private String results;

    @Mixin
    private OperatorOptions options;

    @Mixin
    private DatabaseOptions database;

    public ResolveCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        Object parsed = JsonArgument.parse(results, "--results", "expected the step's results as JSON, such as"
                + " {\"charged\": true}");
        Action resolve = new Action("resolve", step,
                task -> Preconditions.stepCanMove(task, step, StepState.RESOLVED_MANUALLY, "resolve"),
                (engine, id, actor) -> engine.resolveStep(id, step, parsed, actor));
        return Operator.perform(resolve, taskId, options, database, environment, spec.commandLine().getOut());
    }
}
