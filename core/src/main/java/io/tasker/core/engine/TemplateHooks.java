package io.tasker.core.engine;

import io.tasker.core.handler.TaskHooks;

/** The task-level hooks of a registered template, with the task handler class that defines them (for messages). */
record TemplateHooks(String handlerClass, TaskHooks hooks) {

    boolean defines(TaskHooks.Hook hook) {
        return hooks.defines(hook);
    }

    /** How messages name a hook: {@code Shop::OrderTask#schema}. */
    String describe(TaskHooks.Hook hook) {
        return handlerClass + "#" + hook.taskerName();
    }
}
