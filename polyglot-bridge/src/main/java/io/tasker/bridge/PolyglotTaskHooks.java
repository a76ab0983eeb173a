package io.tasker.bridge;

import io.tasker.bridge.value.GuestViews;
import io.tasker.core.handler.SequenceView;
import io.tasker.core.handler.StepView;
import io.tasker.core.handler.TaskDraft;
import io.tasker.core.handler.TaskDraft.StepDraft;
import io.tasker.core.handler.TaskHookException;
import io.tasker.core.handler.TaskHooks;
import io.tasker.core.handler.TaskView;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.graalvm.polyglot.Value;

/**
 * The task-level hooks of a template's task handler class written in Ruby or Python. Each call runs in a context of
 * the language (Python: a pooled one, or the one the calling thread already holds when a handler creating a task
 * calls back into the engine from inside its attempt; Ruby: the one shared context) through the shim's hooks
 * object, resolved once per context.
 */
final class PolyglotTaskHooks implements TaskHooks {
    private final int id;
    private final String className;
    private final GuestContexts contexts;
    private final Set<Hook> defined;

    private PolyglotTaskHooks(int id, String className, GuestContexts contexts, Set<Hook> defined) {
        this.id = id;
        this.className = className;
        this.contexts = contexts;
        this.defined = defined;
    }

    /** The hooks of {@code className}, found in one context now; empty when the class does not exist there. */
    static Optional<TaskHooks> find(int id, String className, GuestContexts contexts) throws InterruptedException {
        PolyglotTaskHooks probe = new PolyglotTaskHooks(id, className, contexts, Set.of());
        Set<Hook> defined = contexts.inContext(probe::definedIn);
        return defined.isEmpty() ? Optional.empty()
                : Optional.of(new PolyglotTaskHooks(id, className, contexts, defined));
    }

    int id() {
        return id;
    }

    String className() {
        return className;
    }

    @Override
    public boolean defines(Hook hook) {
        return defined.contains(hook);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> schema() throws Exception {
        Object answer = call(Hook.SCHEMA, null);
        if (answer == null || answer instanceof Map<?, ?>) {
            return (Map<String, Object>) answer;
        }
        throw TaskHookException.badAnswer(className, Hook.SCHEMA.taskerName(),
                "must return a JSON schema as a Hash or dict (or nil/None), not " + answer);
    }

    @Override
    public TaskDraft establishStepDependenciesAndDefaults(TaskDraft task) throws Exception {
        Object answer = call(Hook.ESTABLISH_STEP_DEPENDENCIES_AND_DEFAULTS, null, GuestViews.of(draft(task)));
        return DraftAnswer.read(className, task, answer);
    }

    @Override
    public void updateAnnotations(TaskView task, SequenceView sequence, List<StepView> steps) throws Exception {
        call(Hook.UPDATE_ANNOTATIONS, task, GuestViews.task(task), GuestViews.sequence(sequence));
    }

    @Override
    public String toString() {
        return className;
    }

    private Object call(Hook hook, TaskView task, Object... arguments) throws Exception {
        return contexts.inContext(context -> context.callHook(this, hook, task, arguments));
    }

    private Set<Hook> definedIn(PreparedContext context) {
        Value hooks = context.taskHooks(this);
        Set<Hook> found = EnumSet.noneOf(Hook.class);
        if (hooks == null) {
            return found;
        }
        Value names = hooks.invokeMember("hooks");
        for (long i = 0; i < names.getArraySize(); i++) {
            String name = names.getArrayElement(i).asString();
            for (Hook hook : Hook.values()) {
                if (hook.taskerName().equals(name)) {
                    found.add(hook);
                }
            }
        }
        return found;
    }

    /** The draft as guests read it: {@code name, namespace_name, ..., context, steps: [{name, parent_names, ...}]}. */
    private static Map<String, Object> draft(TaskDraft task) {
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("name", task.name());
        draft.put("namespace_name", task.namespace());
        draft.put("version", task.version());
        draft.put("context", task.context());
        draft.put("initiator", task.initiator());
        draft.put("source_system", task.sourceSystem());
        draft.put("reason", task.reason());
        draft.put("tags", task.tags());
        draft.put("requested_at", task.requestedAt() == null ? null : task.requestedAt().toString());
        List<Object> steps = new ArrayList<>(task.steps().size());
        for (StepDraft step : task.steps()) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("name", step.name());
            view.put("parent_names", step.dependsOn());
            view.put("retryable", step.retryable());
            view.put("retry_limit", (long) step.retryLimit());
            view.put("skippable", step.skippable());
            steps.add(view);
        }
        draft.put("steps", steps);
        return draft;
    }
}
