package io.tasker.bridge.value;

import io.tasker.core.handler.StepView;
import java.util.List;

/** Tasker's {@code step} for guests (TASKER-COMPAT.md §1.4); times are ISO-8601 text. */
final class StepProxy extends MemberView {
    static final List<String> MEMBERS = List.of("workflow_step_id", "task_id", "name", "inputs", "results", "attempts",
            "retry_limit", "retryable", "status", "last_attempted_at", "handler_config", "parent_names");

    private final StepView step;

    StepProxy(StepView step) {
        super(MEMBERS);
        this.step = step;
    }

    @Override
    public Object getMember(String key) {
        return switch (key) {
            case "workflow_step_id" -> step.workflowStepId();
            case "task_id" -> step.taskId();
            case "name" -> step.name();
            case "inputs" -> GuestViews.of(step.inputs());
            case "results" -> GuestViews.of(step.results());
            case "attempts" -> step.attempts();
            case "retry_limit" -> step.retryLimit();
            case "retryable" -> step.retryable();
            case "status" -> step.status();
            case "last_attempted_at" -> GuestViews.isoText(step.lastAttemptedAt());
            case "handler_config" -> GuestViews.of(step.handlerConfig());
            case "parent_names" -> GuestViews.of(step.parentNames());
            default -> null;
        };
    }
}
