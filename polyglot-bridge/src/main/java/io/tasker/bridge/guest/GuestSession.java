package io.tasker.bridge.guest;

import io.tasker.bridge.handle.TaskerHandle;
import io.tasker.bridge.value.GuestTypes;
import org.graalvm.polyglot.Value;

/**
 * One prepared context's entry points, each looked up once when the context opens: building a handler, calling
 * it, and reading values and exceptions in the language's own terms. Used by one thread at a time.
 */
public interface GuestSession extends GuestTypes {

    /** Hands the shim the context's handle, once, before any handler is built. */
    void configure(TaskerHandle handle);

    /** Builds the handler of one template step in this context; the bridge caches what it returns. */
    Value handlerFor(String handlerClass, Object handlerConfig);

    /**
     * The task-level hooks of a template's {@code task_handler_class} in this context: a guest object answering
     * {@code hooks} (the names of the hooks the class overrides), {@code schema},
     * {@code establish_step_dependencies_and_defaults(draft)} and {@code update_annotations(task, sequence)}; null
     * when the class does not exist in this language or the shim offers no hooks.
     */
    Value taskHooksFor(String className);

    /** Runs one attempt: {@code process(task, sequence, step)} through the shim. */
    Value call(Value handler, Object task, Object sequence, Object step);

    /** The qualified class name of a guest exception, e.g. {@code Tasker::RetryableError}. */
    String errorClass(Value error);

    String message(Value error);

    /** The guest's own backtrace text, one frame a line; empty when it has none. */
    String backtrace(Value error);

    /** Whether the exception is a {@code PermanentError} (or a subclass): no retry can fix it. */
    boolean isPermanent(Value error);

    /** The exception's {@code retry_after}, {@code error_code} or {@code context}, or null when it has none. */
    Value attribute(Value error, String name);
}
