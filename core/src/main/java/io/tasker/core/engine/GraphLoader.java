package io.tasker.core.engine;

import io.tasker.core.model.StepState;
import io.tasker.core.model.TaskState;
import io.tasker.core.persistence.StoredTask;
import io.tasker.core.persistence.TaskStore;
import io.tasker.core.template.TaskTemplate;
import io.tasker.core.template.TemplateKey;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads a task back from the database into a {@link TaskGraph}, matching its steps to its template. */
final class GraphLoader {
    private final TaskStore store;
    private final Function<TemplateKey, Optional<TaskTemplate>> templates;

    GraphLoader(TaskStore store, Function<TemplateKey, Optional<TaskTemplate>> templates) {
        this.store = store;
        this.templates = templates;
    }

    TaskGraph load(long taskId) {
        StoredTask stored = store.load(taskId)
                .orElseThrow(() -> new TaskNotFoundException("no task with id " + taskId));
        return graph(stored);
    }

    /** A task read for a batch: its graph, or why it could not be built (so one bad task fails alone). */
    record Loaded(TaskGraph graph, RuntimeException failure) {
    }

    /** Reads many tasks with two statements in all. */
    Map<Long, Loaded> loadAll(java.util.Collection<Long> taskIds) {
        Map<Long, StoredTask> stored = store.loadAll(taskIds);
        Map<Long, Loaded> graphs = new java.util.HashMap<>();
        for (long id : taskIds) {
            StoredTask task = stored.get(id);
            try {
                if (task == null) {
                    throw new TaskNotFoundException("no task with id " + id);
                }
                graphs.put(id, new Loaded(graph(task), null));
            } catch (RuntimeException e) {
                graphs.put(id, new Loaded(null, e));
            }
        }
        return graphs;
    }

    /** The graph of a task read elsewhere (with its claim), or why it cannot be built. */
    Loaded graphOf(StoredTask stored) {
        try {
            return new Loaded(graph(stored), null);
        } catch (RuntimeException e) {
            return new Loaded(null, e);
        }
    }

    private TaskGraph graph(StoredTask stored) {
        long taskId = stored.taskId();
        TaskTemplate template = templates.apply(stored.key()).orElseThrow(() -> new IllegalStateException(
                "task " + taskId + " was created from template " + stored.key()
                        + ", which is not registered with this engine (register its YAML file first)"));
        return graph(stored, template);
    }

    static TaskGraph graph(StoredTask stored, TaskTemplate template) {
        Map<String, StoredTask.StoredStep> byName = stored.steps().stream()
                .collect(Collectors.toMap(StoredTask.StoredStep::name, s -> s, (a, b) -> a));
        StepRecord[] records = new StepRecord[template.stepTemplates().size()];
        for (int i = 0; i < records.length; i++) {
            String name = template.stepTemplates().get(i).name();
            StoredTask.StoredStep s = byName.get(name);
            if (s == null) {
                throw new IllegalStateException("task " + stored.taskId() + " has no step '" + name
                        + "' although its template " + stored.key() + " defines one; the template changed since"
                        + " the task was created (register a new version instead of editing one in use)");
            }
            records[i] = new StepRecord(s.stepId(), i, StepState.fromDb(s.state()), s.sortKey(), s.attempts(),
                    s.retryLimit(), s.retryable(), s.inProcess(), s.processed(), s.processedAt(), s.lastAttemptedAt(),
                    s.backoffRequestSeconds(), s.lastFailureAt(), s.results());
        }
        TaskInfo info = new TaskInfo(stored.taskId(), stored.key(), stored.context(), stored.initiator(),
                stored.sourceSystem(), stored.reason(), stored.tags(), stored.requestedAt());
        return new TaskGraph(info, template, records, TaskState.fromDb(stored.state()), stored.sortKey(),
                stored.nextRunAt());
    }
}
