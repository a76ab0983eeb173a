package io.tasker.bridge;

import io.tasker.core.config.BackoffConfig;
import io.tasker.core.config.EngineConfig;
import io.tasker.core.config.ExecutionConfig;
import io.tasker.core.config.TaskerConfig;
import io.tasker.core.engine.TaskRequest;
import io.tasker.core.engine.TaskResult;
import io.tasker.core.engine.TaskerEngine;
import io.tasker.core.events.TaskerEvent;
import io.tasker.core.handler.HandlerResolutionException;
import io.tasker.core.template.TaskTemplate;
import io.tasker.core.template.TemplateLoader;
import io.tasker.testkit.SettableClock;
import io.tasker.testkit.TestDatabase;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The real engine on a test database with the Ruby (test shim) and Python factories, whose pools the tests
 * inspect, and every published event recorded. Backoffs pass on a settable clock, so no test sleeps.
 */
final class BridgeEngine implements AutoCloseable {
    static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    final SettableClock clock = new SettableClock(START);
    final PythonStepHandlerFactory python = new PythonStepHandlerFactory();
    final RubyStepHandlerFactory ruby;
    final List<TaskerEvent> events = new CopyOnWriteArrayList<>();
    final TaskerEngine engine;
    private final TemplateLoader loader = new TemplateLoader("test");

    private BridgeEngine(TestDatabase db, int maxConcurrentSteps, List<Path> handlerRoots, RubyStepHandlerFactory ruby) {
        this(db, config(maxConcurrentSteps, Map.of()), handlerRoots, ruby);
    }

    private BridgeEngine(TestDatabase db, TaskerConfig config, List<Path> handlerRoots, RubyStepHandlerFactory ruby) {
        this.ruby = ruby;
        this.engine = TaskerEngine.builder(db.dataSource(), config)
                .clock(clock)
                .environmentName("test")
                .handlerRoots(handlerRoots)
                .handlerFactory(python)
                .handlerFactory(ruby)
                .listener(events::add)
                .build();
    }

    /** Ruby through the minimal test shim, so that a test sees the Java side of the contract only. */
    BridgeEngine(TestDatabase db, int maxConcurrentSteps, List<Path> handlerRoots) {
        this(db, maxConcurrentSteps, handlerRoots, new RubyStepHandlerFactory(GuestHandlers.TEST_SHIM));
    }

    BridgeEngine(TestDatabase db, int maxConcurrentSteps) {
        this(db, maxConcurrentSteps, List.of(GuestHandlers.ROOT));
    }

    /** As above, with {@code handlers.ruby.max_threads} set: Ruby steps of thread-safe handlers running at once. */
    static BridgeEngine withRubyThreads(TestDatabase db, int maxConcurrentSteps, int rubyThreads) {
        return new BridgeEngine(db, config(maxConcurrentSteps, Map.of("max_threads", (long) rubyThreads)),
                List.of(GuestHandlers.ROOT), new RubyStepHandlerFactory(GuestHandlers.TEST_SHIM));
    }

    /** Ruby through the real Tasker shim, as in production: for Tasker applications run unchanged. */
    static BridgeEngine withTaskerShim(TestDatabase db, int maxConcurrentSteps, List<Path> handlerRoots) {
        return new BridgeEngine(db, maxConcurrentSteps, handlerRoots, new RubyStepHandlerFactory());
    }

    private static TaskerConfig config(int maxConcurrentSteps, Map<String, Object> rubySettings) {
        BackoffConfig backoff = new BackoffConfig(List.of(1, 2, 4), 300, 2.0, false, 0.1);
        return new TaskerConfig(backoff, new ExecutionConfig(maxConcurrentSteps, 300, 512, 16 * 1024 * 1024), null,
                new EngineConfig(EngineConfig.IdentityStrategy.DEFAULT, false),
                // Ruby as deployed by default: its one context, entered by every worker thread, one step at a time.
                Map.of("python", Map.of("max_contexts", (long) maxConcurrentSteps), "ruby", rubySettings));
    }

    TaskTemplate register(String yaml) throws HandlerResolutionException {
        return register(loader.parse(yaml, "test-template.yaml"));
    }

    TaskTemplate register(Path file) throws HandlerResolutionException {
        return register(loader.load(file));
    }

    private TaskTemplate register(TaskTemplate template) throws HandlerResolutionException {
        engine.register(template);
        return template;
    }

    long create(TaskTemplate template, Map<String, Object> context) {
        return engine.createTask(TaskRequest.of(template.namespace(), template.name(), template.version(), context))
                .taskId();
    }

    TaskResult run(long taskId) throws Exception {
        return engine.run(taskId).get(60, TimeUnit.SECONDS);
    }

    /** Runs the task to its end, moving the clock to each retry's time instead of waiting for it. */
    TaskResult runToEnd(long taskId) throws Exception {
        TaskResult result = run(taskId);
        while (result.isWaiting()) {
            clock.set(result.nextRunAt());
            result = run(taskId);
        }
        return result;
    }

    @Override
    public void close() {
        engine.close();
    }
}
