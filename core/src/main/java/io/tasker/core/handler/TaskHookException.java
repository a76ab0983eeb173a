package io.tasker.core.handler;

/**
 * A task hook that raised, described as data (a guest exception is not a Java class): the class that defines
 * the hook, the hook's Tasker name, and the exception's class name, message and backtrace.
 */
public final class TaskHookException extends Exception {
    private final String handlerClass;
    private final String hook;
    private final String errorClass;
    private final String errorMessage;
    private final String backtrace;

    public TaskHookException(String handlerClass, String hook, String errorClass, String errorMessage,
                             String backtrace) {
        this(handlerClass + "#" + hook + " raised " + errorClass + ": " + errorMessage, handlerClass, hook, errorClass,
                errorMessage, backtrace);
    }

    private TaskHookException(String message, String handlerClass, String hook, String errorClass, String errorMessage,
                              String backtrace) {
        super(message);
        this.handlerClass = handlerClass;
        this.hook = hook;
        this.errorClass = errorClass;
        this.errorMessage = errorMessage;
        this.backtrace = backtrace == null ? "" : backtrace;
    }

    /** A hook that returned without raising, but with an answer the engine cannot use; {@code problem} says why. */
    public static TaskHookException badAnswer(String handlerClass, String hook, String problem) {
        return new TaskHookException(handlerClass + "#" + hook + " " + problem, handlerClass, hook, null, problem, "");
    }

    public String handlerClass() {
        return handlerClass;
    }

    public String hook() {
        return hook;
    }

    /** The class of what the hook raised; null when it raised nothing but answered badly. */
    public String errorClass() {
        return errorClass;
    }

    public String errorMessage() {
        return errorMessage;
    }

    /** The guest's own backtrace, one frame a line; empty when it has none. */
    public String backtrace() {
        return backtrace;
    }
}
