package io.tasker.core.handler;

import java.util.Optional;

/**
 * Service-provider interface through which the engine obtains step handlers for one language.
 * Implementations are found with {@link java.util.ServiceLoader}: the Java factory ships in core, the
 * Ruby and Python ones in the polyglot bridge, so the engine never names a guest language's types.
 */
public interface StepHandlerFactory extends AutoCloseable {

    /** The value of {@code handler_language} this factory serves: {@code java}, {@code ruby}, {@code python}. */
    String language();

    /** Called once before the first {@link #create}. */
    void start(HandlerEnvironment environment);

    /**
     * Resolves the handler of one step template; called once per template step and cached by the engine.
     *
     * @throws HandlerResolutionException when the class does not exist or cannot be instantiated
     */
    StepHandler create(HandlerSpec spec) throws HandlerResolutionException;

    /**
     * The task-level hooks of the template's {@code task_handler_class} when that class exists in this language
     * and defines at least one hook; empty otherwise. Most templates name a class that exists nowhere (Tasker's
     * YAML builder would create it), so a missing class is not an error. Called once per template, after its
     * step handlers were resolved, and only for the languages its steps are written in.
     *
     * @throws HandlerResolutionException when the class exists but cannot be loaded or instantiated
     */
    default Optional<TaskHooks> taskHooks(TaskHandlerSpec spec) throws HandlerResolutionException {
        return Optional.empty();
    }

    @Override
    default void close() {
    }
}
