package io.tasker.bridge;

import io.tasker.core.handler.HandlerEnvironment;
import io.tasker.core.handler.HandlerFailureException;
import io.tasker.core.handler.HandlerResolutionException;
import io.tasker.core.handler.HandlerSpec;
import io.tasker.core.handler.StepFailure;
import io.tasker.core.handler.StepHandler;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A started Ruby or Python handler factory over the test handler roots, with the handlers of this folder's
 * {@code handlers/}, run once each without an engine.
 */
final class GuestHandlers implements AutoCloseable {
    static final Path ROOT = Path.of("src/test/resources/handlers");
    static final String TEST_SHIM = "io/tasker/bridge/testshim/";

    private final PolyglotStepHandlerFactory factory;

    private GuestHandlers(PolyglotStepHandlerFactory factory, Map<String, Object> settings) {
        this.factory = factory;
        factory.start(new HandlerEnvironment(List.of(ROOT), Map.of(factory.language(), settings), new NoEngine()));
    }

    static GuestHandlers python() {
        return python(Map.of());
    }

    static GuestHandlers python(Map<String, Object> settings) {
        return new GuestHandlers(new PythonStepHandlerFactory(), settings);
    }

    /** Ruby with the minimal test shim, so that these tests see the Java side of the contract only. */
    static GuestHandlers ruby() {
        return new GuestHandlers(new RubyStepHandlerFactory(TEST_SHIM), Map.of());
    }

    StepHandler handler(String handlerClass, Object handlerConfig) throws HandlerResolutionException {
        return factory.create(new HandlerSpec("order", "a_step", handlerClass, factory.language(), handlerConfig, null));
    }

    /** Runs the handler once with a plain task and step; returns its results. */
    Object run(String handlerClass, Object handlerConfig) throws Exception {
        return run(handler(handlerClass, handlerConfig));
    }

    static Object run(StepHandler handler) throws Exception {
        return run(handler, Map.of("order_id", 7L));
    }

    static Object run(StepHandler handler, Map<String, Object> context) throws Exception {
        return handler.process(TestViews.task(context), new TestViews.Sequence(List.of()),
                TestViews.step("a_step", context, Map.of(), List.of()));
    }

    /** Runs the handler once and returns the failure it must end in. */
    StepFailure failure(String handlerClass, Object handlerConfig) throws Exception {
        return failure(handler(handlerClass, handlerConfig), Map.of("order_id", 7L));
    }

    static StepFailure failure(StepHandler handler, Map<String, Object> context) throws Exception {
        try {
            Object results = run(handler, context);
            throw new AssertionError("the handler was expected to fail but returned " + results);
        } catch (HandlerFailureException e) {
            return e.failure();
        }
    }

    PoolStatistics statistics() {
        return factory.statistics();
    }

    PolyglotStepHandlerFactory factory() {
        return factory;
    }

    @Override
    public void close() {
        factory.close();
    }
}
