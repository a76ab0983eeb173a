package io.tasker.cli.operate;

import io.tasker.cli.CliEnvironment;
import io.tasker.cli.DatabaseFailures;
import io.tasker.cli.DatabaseOptions;
import io.tasker.cli.ExitCode;
import io.tasker.cli.InvalidInputException;
import io.tasker.core.config.TaskerConfig;
import io.tasker.core.engine.Actor;
import io.tasker.core.engine.TaskNotFoundException;
import io.tasker.core.model.IllegalTransitionException;
import io.tasker.core.query.TaskStatus;
import java.io.PrintWriter;

/**
 * What every operator command does around its one engine call: find the task, check the action against its
 * stored state, register its stored template, act as {@code cli:user@host} with the reason, and report.
 */
final class Operator {

    private Operator() {
    }

    static int perform(Action action, long taskId, OperatorOptions options, DatabaseOptions database,
                       CliEnvironment environment, PrintWriter out) {
        TaskerConfig config = database.load(environment);
        Actor actor = CliActor.of(options.reason);
        try (OperatorSession session = OperatorSession.open(config, environment)) {
            TaskStatus before = session.task(taskId);
            action.check().accept(before);
            session.registerTemplateOf(before);
            apply(action, session, taskId, actor);
            OperationReport.print(action, actor, before, session.task(taskId), options.output, out);
            return ExitCode.OK.code();
        } catch (RuntimeException e) {
            throw DatabaseFailures.translate(e, config.database());
        }
    }

    /** The engine's own guard has the last word: the task may have changed since it was read. */
    private static void apply(Action action, OperatorSession session, long taskId, Actor actor) {
        try {
            action.call().apply(session.engine(), taskId, actor);
        } catch (IllegalTransitionException | TaskNotFoundException | io.tasker.core.engine.OperationRefusedException e) {
            throw new InvalidInputException("task " + taskId + ": " + action.name() + " refused: " + e.getMessage(), e);
        }
    }
}
