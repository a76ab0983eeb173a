package io.tasker.core.engine;

import io.tasker.core.events.EventBus;
import io.tasker.core.events.EventListener;
import io.tasker.core.events.TaskerEvent;
import io.tasker.core.handler.TaskHookException;
import io.tasker.core.handler.TaskHooks.Hook;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a task handler's {@code update_annotations(task, sequence, steps)} once a task of its template completed
 * (TASKER-COMPAT.md §1.6), on the event delivery thread, after the completion committed: a hook that raises is
 * logged with the task's id and the task stays complete. It listens only from the moment a template with that hook
 * is registered, since listening makes every transition build its event.
 */
final class CompletionHooks implements EventListener {
    private static final Logger LOG = LoggerFactory.getLogger(CompletionHooks.class);
    private static final String COMPLETED = "task.completed";

    private final HandlerRegistry handlers;
    private final GraphLoader loader;

    private CompletionHooks(HandlerRegistry handlers, GraphLoader loader) {
        this.handlers = handlers;
        this.loader = loader;
    }

    /** Subscribes to {@code events} when the first template with an {@code update_annotations} hook is registered. */
    static void install(HandlerRegistry handlers, GraphLoader loader, EventBus events) {
        CompletionHooks hooks = new CompletionHooks(handlers, loader);
        handlers.whenFirstAnnotatingTask(() -> events.subscribe(hooks));
    }

    @Override
    public void onEvent(TaskerEvent event) {
        if (!COMPLETED.equals(event.name()) || !(event.get("task_id") instanceof Number id)
                || !handlers.annotates(String.valueOf(event.get("task_name")))) {
            return;
        }
        try {
            updateAnnotations(id.longValue());
        } catch (RuntimeException e) {
            LOG.error("task {}: update_annotations could not run; the task stays complete", id, e);
        }
    }

    private void updateAnnotations(long taskId) {
        TaskGraph graph = loader.load(taskId);
        Optional<TemplateHooks> found = handlers.taskHooks(graph.info().key())
                .filter(hooks -> hooks.defines(Hook.UPDATE_ANNOTATIONS));
        if (found.isEmpty()) {
            return;
        }
        TemplateHooks hooks = found.get();
        Views.Sequence sequence = Views.sequence(graph, graph.committedSteps());
        try {
            hooks.hooks().updateAnnotations(Views.task(graph, graph.state().dbName()), sequence, sequence.steps());
        } catch (TaskHookException e) {
            LOG.error("task {}: {}; the task stays complete\n{}", taskId, e.getMessage(), e.backtrace());
        } catch (Exception e) {
            LOG.error("task {}: {} raised {}; the task stays complete", taskId,
                    hooks.describe(Hook.UPDATE_ANNOTATIONS), e.toString(), e);
        }
    }
}
