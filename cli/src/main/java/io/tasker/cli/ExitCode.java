package io.tasker.cli;

/**
 * What the process exit status of {@code tasker} means. Scripts branch on these numbers, so they never change
 * meaning: 1 is reserved for a task that ran and failed, never for a problem of tasker itself.
 */
public enum ExitCode {
    /** The command did what was asked; for {@code run}, the task ended {@code complete} (or resolved manually). */
    OK(0),
    /** The task ran and ended in {@code error} or {@code cancelled}. */
    TASK_FAILED(1),
    /** A template, context, configuration, file or flag is wrong; nothing was run. */
    INVALID_INPUT(2),
    /** The database (or another required service) cannot be reached or went away. */
    UNAVAILABLE(3),
    /** A fault inside tasker itself: a bug to report, with the stack trace that {@code --verbose} prints. */
    INTERNAL_ERROR(4);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
