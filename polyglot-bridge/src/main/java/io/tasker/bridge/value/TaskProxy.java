package io.tasker.bridge.value;

import io.tasker.core.handler.TaskView;
import java.util.List;

/** Tasker's {@code task} for guests (TASKER-COMPAT.md §1.4); times are ISO-8601 text. */
final class TaskProxy extends MemberView {
    static final List<String> MEMBERS = List.of("task_id", "name", "namespace_name", "version", "context", "initiator",
            "source_system", "reason", "tags", "requested_at", "status");

    private final TaskView task;

    TaskProxy(TaskView task) {
        super(MEMBERS);
        this.task = task;
    }

    @Override
    public Object getMember(String key) {
        return switch (key) {
            case "task_id" -> task.taskId();
            case "name" -> task.name();
            case "namespace_name" -> task.namespace();
            case "version" -> task.version();
            case "context" -> GuestViews.of(task.context());
            case "initiator" -> task.initiator();
            case "source_system" -> task.sourceSystem();
            case "reason" -> task.reason();
            case "tags" -> GuestViews.of(task.tags());
            case "requested_at" -> GuestViews.isoText(task.requestedAt());
            case "status" -> task.status();
            default -> null;
        };
    }
}
