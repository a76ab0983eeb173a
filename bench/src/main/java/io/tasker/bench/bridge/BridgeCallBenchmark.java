package io.tasker.bench.bridge;

import io.tasker.bridge.PolyglotStepHandlerFactory;
import io.tasker.bridge.PythonStepHandlerFactory;
import io.tasker.bridge.RubyStepHandlerFactory;
import io.tasker.core.handler.HandlerEnvironment;
import io.tasker.core.handler.HandlerSpec;
import io.tasker.core.handler.SequenceView;
import io.tasker.core.handler.StepHandler;
import io.tasker.core.handler.StepView;
import io.tasker.core.handler.TaskView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A warm call of a no-op handler's {@code process} through the bridge, exactly as the engine makes it: claim the
 * thread's pooled context, hand it the task, sequence and step proxies, call the handler (Ruby through the shim's
 * {@code Tasker::StepHandler::Base#handle}, Python through {@code tasker.StepHandler}), convert the returned hash
 * or dict to Java, return the context. Run with the Graal JIT (bin/bench passes bin/tasker's flags).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BridgeCallBenchmark {
    private static final String RUBY_HANDLER = """
            class NoopHandler < Tasker::StepHandler::Base
              def process(_task, _sequence, _step)
                { 'ok' => true }
              end
            end
            """;
    private static final String PYTHON_HANDLER = """
            from tasker import StepHandler


            class NoopHandler(StepHandler):
                def process(self, task, sequence, step):
                    return {"ok": True}
            """;

    @Param({"ruby", "python"})
    public String language;

    private Path handlers;
    private PolyglotStepHandlerFactory factory;
    private StepHandler handler;
    private TaskView task;
    private SequenceView sequence;
    private StepView step;

    @Setup
    public void startLanguage() throws Exception {
        handlers = Files.createTempDirectory("tasker-bench-handlers");
        Files.writeString(handlers.resolve("noop_handler.rb"), RUBY_HANDLER);
        Files.writeString(handlers.resolve("bench_noop.py"), PYTHON_HANDLER);
        factory = language.equals("ruby") ? new RubyStepHandlerFactory() : new PythonStepHandlerFactory();
        factory.start(new HandlerEnvironment(List.of(handlers), Map.of(), new RefusingServices()));
        String handlerClass = language.equals("ruby") ? "NoopHandler" : "bench_noop.NoopHandler";
        handler = factory.create(new HandlerSpec("diamond", "diamond_end", handlerClass, language, null, null));
        task = BenchViews.task();
        step = BenchViews.step();
        sequence = BenchViews.sequence(step);
    }

    @Benchmark
    public Object noOpProcess() throws Exception {
        return handler.process(task, sequence, step);
    }

    @TearDown
    public void stopLanguage() throws IOException {
        factory.close();
        try (var files = Files.walk(handlers)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
