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
 * CPU-bound handler code in TruffleRuby and GraalPy, called through the bridge exactly as the engine calls a step
 * (pooled context, proxies in, converted result out): {@code loop} sums 10^6 integers in a loop, {@code pipeline}
 * maps, filters and sums a list of 10^6 integers, {@code json} parses and generates a 100 KB JSON document. The
 * code is {@code cpu_work.rb} / {@code cpu_work.py} under {@code bench/src/main/resources/io/tasker/bench/bridge/handlers/};
 * {@code bench/scripts/cpu_native.rb} and {@code cpu_native.py} time the same files on CRuby and CPython.
 *
 * <p>The Graal JIT needs long warm-ups on 2 cores: 10 x 2 s before measuring. Run with bin/tasker's JIT flags,
 * e.g. {@code bin/bench jmh CpuHandlerBenchmark -p language=ruby}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CpuHandlerBenchmark {
    /** What each operation returns, the same on CRuby and CPython: a wrong result would make a fast figure void. */
    private static final Map<String, Long> EXPECTED = Map.of(
            "loop", 111_110_944_444_944_444L, "pipeline", 245_000_000L, "json", 100_086L);

    @Param({"ruby", "python"})
    public String language;

    @Param({"loop", "pipeline", "json"})
    public String op;

    private BenchHandlers handlers;
    private PolyglotStepHandlerFactory factory;
    private StepHandler handler;
    private TaskView task;
    private SequenceView sequence;
    private StepView step;

    @Setup
    public void startLanguage() throws Exception {
        handlers = new BenchHandlers();
        factory = language.equals("ruby") ? new RubyStepHandlerFactory() : new PythonStepHandlerFactory();
        factory.start(new HandlerEnvironment(List.of(handlers.root()), Map.of(), new RefusingServices()));
        handler = factory.create(new HandlerSpec("cpu", op, handlerClass(language, op), language, null, null));
        task = BenchViews.task();
        step = BenchViews.step();
        sequence = BenchViews.sequence(step);
        Object value = ((Map<?, ?>) handler.process(task, sequence, step)).get("value");
        if (!EXPECTED.get(op).equals(value)) {
            throw new IllegalStateException(language + " " + op + " returned " + value + ", expected " + EXPECTED.get(op));
        }
    }

    static String handlerClass(String language, String op) {
        String name = switch (op) {
            case "loop" -> "LoopHandler";
            case "pipeline" -> "PipelineHandler";
            case "json" -> "JsonHandler";
            default -> throw new IllegalArgumentException("unknown op " + op);
        };
        return language.equals("ruby") ? "BenchCpu::" + name : "bench_cpu_handlers." + name;
    }

    @Benchmark
    public Object process() throws Exception {
        return handler.process(task, sequence, step);
    }

    @TearDown
    public void stopLanguage() {
        factory.close();
        handlers.close();
    }
}
