package io.tasker.bench.bridge;

import io.tasker.bridge.PythonStepHandlerFactory;
import io.tasker.bridge.RubyStepHandlerFactory;
import io.tasker.bridge.engine.SharedEngine;
import io.tasker.bridge.guest.Guest;
import io.tasker.bridge.guest.GuestSession;
import io.tasker.bridge.guest.PythonGuest;
import io.tasker.bridge.guest.PythonSandbox;
import io.tasker.bridge.guest.RubyGuest;
import io.tasker.bridge.guest.ShimFiles;
import io.tasker.bridge.handle.TaskerHandle;
import io.tasker.bridge.value.GuestViews;
import io.tasker.bridge.value.ResultConverter;
import io.tasker.bridge.value.ResultLimits;
import io.tasker.core.handler.SequenceView;
import io.tasker.core.handler.StepView;
import io.tasker.core.handler.TaskView;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Value;

/**
 * Context creation on the shared engine, for one guest language per JVM: the time of the first context and of each
 * later one, and the heap each context keeps. A context is opened exactly as the bridge's pool opens one
 * ({@code ContextPool.open}: {@code Guest.newContext}, {@code Guest.open} (the shim), converter, handle,
 * {@code configure}); then the no-op handler of the end-to-end benchmark is resolved and called once in it (what the
 * first step on a new context costs on top). All contexts are kept alive; the heap is read after full GCs.
 *
 * <p>Run with bin/tasker's JIT flags: {@code java ... io.tasker.bench.bridge.ContextBench ruby|python [contexts] [bare]};
 * {@code bare} builds the contexts with the same switches but loads no shim and calls no handler (it only evaluates
 * {@code 1}), to tell what the language costs from what the shim costs.
 */
public final class ContextBench {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private ContextBench() {
    }

    public static void main(String[] args) throws Exception {
        String language = args.length > 0 ? args[0] : "ruby";
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        boolean bare = args.length > 2 && args[2].equals("bare");
        long heapAtStart = heapAfterGc();
        try (BenchHandlers handlers = new BenchHandlers()) {
            long start = System.nanoTime();
            Engine engine = SharedEngine.get();
            double engineMs = (System.nanoTime() - start) / 1e6;
            System.out.printf("# %s, JVM %s, polyglot engine %s %s (built in %.0f ms)%n", language,
                    Runtime.version(), engine.getImplementationName(), engine.getVersion(), engineMs);
            Guest guest = language.equals("ruby")
                    ? new RubyGuest(ShimFiles.extract(ContextBench.class.getClassLoader(),
                            RubyStepHandlerFactory.SHIM_RESOURCES, "ruby-shim"), List.of(handlers.root()), "development")
                    : new PythonGuest(ShimFiles.extract(ContextBench.class.getClassLoader(),
                            PythonStepHandlerFactory.PACKAGE_RESOURCES, "python-shim"), List.of(handlers.root()),
                            PythonSandbox.CONFINED);
            String noop = language.equals("ruby") ? "BenchNoop::NoopHandler" : "bench_noop.NoopHandler";
            TaskView task = BenchViews.task();
            StepView step = BenchViews.step();
            SequenceView sequence = BenchViews.sequence(step);

            List<Context> contexts = new ArrayList<>();
            double[] openMs = new double[count];
            double[] firstCallMs = new double[count];
            long heapAfterFirst = 0;
            for (int i = 0; i < count; i++) {
                long t0 = System.nanoTime();
                Context context = guest.newContext(engine);
                if (bare) {
                    // The same switches, no shim: what the language itself costs.
                    context.eval(language, "1");
                    contexts.add(context);
                    openMs[i] = (System.nanoTime() - t0) / 1e6;
                    System.out.printf("context %2d (bare): built and evaluated in %7.1f ms%n", i + 1, openMs[i]);
                    if (i == 0) {
                        heapAfterFirst = heapAfterGc();
                    }
                    continue;
                }
                GuestSession session = guest.open(context);
                ResultConverter converter = new ResultConverter(session, new ResultLimits(64, 16L << 20));
                session.configure(new TaskerHandle(new RefusingServices(), converter));
                long t1 = System.nanoTime();
                Value handler = session.handlerFor(noop, null);
                Object result = converter.toJava(session.call(handler, GuestViews.task(task),
                        GuestViews.sequence(sequence), GuestViews.step(step)));
                long t2 = System.nanoTime();
                if (!Map.of("ok", true).equals(result)) {
                    throw new IllegalStateException("the no-op handler returned " + result);
                }
                contexts.add(context);
                openMs[i] = (t1 - t0) / 1e6;
                firstCallMs[i] = (t2 - t1) / 1e6;
                System.out.printf("context %2d: opened in %7.1f ms, handler resolved and called in %6.1f ms%n", i + 1,
                        openMs[i], firstCallMs[i]);
                if (i == 0) {
                    heapAfterFirst = heapAfterGc();
                }
            }
            long heapAfterAll = heapAfterGc();
            contexts.forEach(Context::close);
            contexts.clear();
            long heapAfterClose = heapAfterGc();

            System.out.printf("first context: %.0f ms to open + %.0f ms for the first handler call (engine built before"
                    + " in %.0f ms)%n", openMs[0], firstCallMs[0], engineMs);
            if (count > 1) {
                double[] later = Arrays.copyOfRange(openMs, 1, count);
                double[] laterCall = Arrays.copyOfRange(firstCallMs, 1, count);
                double[] last = Arrays.copyOfRange(openMs, Math.max(1, count - 5), count);
                System.out.printf("later contexts (%d): open median %.0f ms (min %.0f, max %.0f; mean of the last %d %.0f),"
                                + " first handler call median %.1f ms%n", later.length, median(later), min(later),
                        max(later), last.length, mean(last), median(laterCall));
            }
            System.out.printf("heap after GC: %.1f MB at start, %.1f MB with the first context (+%.1f MB: engine,"
                            + " language and first context), %.1f MB with %d contexts, %.1f MB after closing them%n",
                    mb(heapAtStart), mb(heapAfterFirst), mb(heapAfterFirst - heapAtStart), mb(heapAfterAll), count,
                    mb(heapAfterClose));
            if (count > 1) {
                System.out.printf("heap per further context: %.1f MB ((%.1f - %.1f) / %d)%n",
                        mb(heapAfterAll - heapAfterFirst) / (count - 1), mb(heapAfterAll), mb(heapAfterFirst), count - 1);
            }
        }
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(Double.NaN);
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }
}
