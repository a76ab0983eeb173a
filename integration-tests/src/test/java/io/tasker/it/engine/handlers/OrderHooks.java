package io.tasker.it.engine.handlers;

import io.tasker.core.handler.EngineServices;
import io.tasker.core.handler.SequenceView;
import io.tasker.core.handler.StepView;
import io.tasker.core.handler.TaskDraft;
import io.tasker.core.handler.TaskHooks;
import io.tasker.core.handler.TaskView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A Java task handler: a schema in code, more attempts for rush orders, and a summary annotation when done. */
public final class OrderHooks implements TaskHooks {
    private final EngineServices services;

    public OrderHooks(EngineServices services) {
        this.services = services;
    }

    @Override
    public Map<String, Object> schema() {
        return Map.of("type", "object", "required", List.of("order_id"),
                "properties", Map.of("order_id", Map.of("type", "integer")));
    }

    @Override
    public TaskDraft establishStepDependenciesAndDefaults(TaskDraft task) {
        if (!Boolean.TRUE.equals(task.context().get("rush"))) {
            return task;
        }
        Map<String, Object> context = new LinkedHashMap<>(task.context());
        context.put("lane", "express");
        return task.withContext(context).withSteps(task.steps().stream()
                .map(step -> step.name().equals("a") ? step.withRetryLimit(4) : step.withSkippable(true))
                .toList());
    }

    @Override
    public void updateAnnotations(TaskView task, SequenceView sequence, List<StepView> steps) {
        services.createTaskAnnotation(task.taskId(), "order_summary", Map.of("status", task.status(),
                "steps", steps.stream().map(StepView::name).toList(),
                "b", sequence.findStepByName("b").orElseThrow().results()));
    }
}
