package io.tasker.core.handler;

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

    @Override
    default void close() {
    }
}
