package io.tasker.core.engine;

/** An operator's action that the task's or step's current state does not allow; nothing was changed. */
public final class OperationRefusedException extends IllegalStateException {
    public OperationRefusedException(String message) {
        super(message);
    }
}
