package io.tasker.bridge;

import io.tasker.core.handler.TaskDraft;
import io.tasker.core.handler.TaskDraft.StepDraft;
import io.tasker.core.handler.TaskHookException;
import io.tasker.core.handler.TaskHooks.Hook;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads what the shim's {@code establish_step_dependencies_and_defaults} answers, {@code {context, steps: [{name,
 * retryable, retry_limit, skippable}]}} with a null context when the hook left it as it was, into the changed draft.
 * The engine then decides whether the change is allowed; here only the shapes are checked.
 */
final class DraftAnswer {
    private static final String HOOK = Hook.ESTABLISH_STEP_DEPENDENCIES_AND_DEFAULTS.taskerName();

    private DraftAnswer() {
    }

    @SuppressWarnings("unchecked")
    static TaskDraft read(String className, TaskDraft before, Object answer) throws TaskHookException {
        if (!(answer instanceof Map<?, ?> map) || !(map.get("steps") instanceof List<?> steps)) {
            throw malformed(className, "an answer with the steps, got " + answer);
        }
        Object context = map.get("context");
        if (context != null && !(context instanceof Map<?, ?>)) {
            throw malformed(className, "a task context that is a Hash or dict, got " + context);
        }
        TaskDraft after = context == null ? before : before.withContext((Map<String, Object>) context);
        return after.withSteps(steps(className, before, steps));
    }

    private static List<StepDraft> steps(String className, TaskDraft before, List<?> answers) throws TaskHookException {
        List<StepDraft> steps = new ArrayList<>(answers.size());
        for (int i = 0; i < answers.size(); i++) {
            if (!(answers.get(i) instanceof Map<?, ?> step)) {
                throw malformed(className, "a Hash or dict per step, got " + answers.get(i));
            }
            List<String> parents = i < before.steps().size() ? before.steps().get(i).dependsOn() : List.of();
            steps.add(new StepDraft(String.valueOf(step.get("name")), parents,
                    flag(className, step, "retryable"), limit(className, step), flag(className, step, "skippable")));
        }
        return steps;
    }

    private static boolean flag(String className, Map<?, ?> step, String key) throws TaskHookException {
        if (step.get(key) instanceof Boolean value) {
            return value;
        }
        throw malformed(className, key + " of step '" + step.get("name") + "' as true or false, got " + step.get(key));
    }

    private static int limit(String className, Map<?, ?> step) throws TaskHookException {
        if (step.get("retry_limit") instanceof Long value && value >= 1 && value <= Integer.MAX_VALUE) {
            return value.intValue();
        }
        throw malformed(className, "retry_limit of step '" + step.get("name") + "' as an integer of at least 1, got "
                + step.get("retry_limit"));
    }

    private static TaskHookException malformed(String className, String expected) {
        return TaskHookException.badAnswer(className, HOOK, "answered in a shape the engine does not know: it expected "
                + expected);
    }
}
