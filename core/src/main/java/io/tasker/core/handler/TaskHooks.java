package io.tasker.core.handler;

import java.util.List;
import java.util.Map;

/**
 * The task-level hooks of a task handler class (Tasker's {@code TaskHandler}, TASKER-COMPAT.md §1.6), found
 * through the {@link StepHandlerFactory} of the language the template's {@code task_handler_class} is written
 * in. The engine calls {@link #schema()} before it creates the first task of the template, {@link
 * #establishStepDependenciesAndDefaults} before it writes each new task, and {@link #updateAnnotations} after a
 * task completed. Every method has a default that changes nothing, so a Java class implements only the hooks
 * it needs.
 *
 * <p>A hook that throws fails what it was called for: the creation of the task (nothing is stored), or, for
 * {@code update_annotations}, nothing at all (the failure is logged, the task stays complete).
 */
public interface TaskHooks {

    /** The hooks by their Tasker names. */
    enum Hook {
        SCHEMA("schema"),
        ESTABLISH_STEP_DEPENDENCIES_AND_DEFAULTS("establish_step_dependencies_and_defaults"),
        UPDATE_ANNOTATIONS("update_annotations");

        private final String taskerName;

        Hook(String taskerName) {
            this.taskerName = taskerName;
        }

        /** The method name a Ruby or Python task handler overrides. */
        public String taskerName() {
            return taskerName;
        }
    }

    /** Whether the class overrides this hook; the engine does not call the ones it does not. */
    default boolean defines(Hook hook) {
        return true;
    }

    /**
     * A JSON Schema for the task context (string keys, JSON-shaped values), used instead of the template's
     * {@code schema}; null to keep the template's. Asked once per template: the engine keeps the answer.
     */
    default Map<String, Object> schema() throws Exception {
        return null;
    }

    /**
     * Changes the defaults of a task about to be written: its context, and each step's {@code retryable},
     * {@code retry_limit} and {@code skippable}. Steps cannot be added, removed, renamed or re-linked; the
     * engine refuses a draft that tries.
     *
     * @return the draft to write (the argument itself when nothing changes)
     */
    default TaskDraft establishStepDependenciesAndDefaults(TaskDraft task) throws Exception {
        return task;
    }

    /** Called once after the task completed, typically to attach task annotations; {@code steps} are all its steps. */
    default void updateAnnotations(TaskView task, SequenceView sequence, List<StepView> steps) throws Exception {
    }
}
