package io.tasker.cli.operate;

import io.tasker.core.engine.Actor;
import io.tasker.core.engine.TaskerEngine;
import io.tasker.core.query.TaskStatus;
import java.util.function.Consumer;

/**
 * One operator action: its name, the step it is about (or null), what must hold of the task as stored before the
 * engine is asked (for a message naming the state; the engine checks again, under its own guard), and the call.
 */
record Action(String name, String step, Consumer<TaskStatus> check, Call call) {

    @FunctionalInterface
    interface Call {
        void apply(TaskerEngine engine, long taskId, Actor actor);
    }
}
