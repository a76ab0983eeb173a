package io.tasker.it.engine.handlers;

import io.tasker.core.handler.TaskDraft;
import io.tasker.core.handler.TaskDraft.StepDraft;
import io.tasker.core.handler.TaskHooks;
import java.util.List;

/** Tries to rename a step, which a hook may not do, or fails outright when the context asks it to. */
public final class RenamingHooks implements TaskHooks {
    @Override
    public TaskDraft establishStepDependenciesAndDefaults(TaskDraft task) {
        if (task.context().containsKey("fail")) {
            throw new IllegalStateException("the order service is down");
        }
        StepDraft a = task.steps().getFirst();
        return task.withSteps(List.of(new StepDraft("a2", a.dependsOn(), a.retryable(), a.retryLimit(), a.skippable()),
                task.steps().get(1)));
    }
}
