package io.tasker.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.tasker.core.engine.TaskResult;
import io.tasker.core.events.TaskerEvent;
import io.tasker.core.template.TaskTemplate;
import io.tasker.testkit.TaskerDatabaseExtension;
import io.tasker.testkit.TestDatabase;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Ruby's one context, entered by every worker thread: handlers using TruffleRuby's C extensions (date, bigdecimal,
 * psych) run from many worker threads (one step at a time, the default: with 8 at once Psych's dispatch cache, a plain
 * Hash, failed with internal errors in 2 of 3 runs) and answer right, each attempt's handle calls land on its own
 * task, a timeout stops only its own attempt while other steps run in the context at once, and thousands of steps
 * build no further context nor grow the heap.
 *
 * <p>Runs in a JVM of its own (see the module's pom): C extensions work in the first Ruby context of a JVM only, and
 * other test classes open and close many.
 */
@ExtendWith(TaskerDatabaseExtension.class)
class RubySharedContextTest {
    private static final int WORKERS = 8;
    private static final int STEPS = 8;

    @Test
    void steps_of_several_tasks_on_many_worker_threads_use_c_extensions_in_the_one_context(TestDatabase db) throws Exception {
        try (BridgeEngine bridge = new BridgeEngine(db, WORKERS)) {
            TaskTemplate template = bridge.register(calendar("calendar"));
            List<Long> tasks = IntStream.range(0, 6).mapToObj(n -> bridge.create(template, Map.of("n", n))).toList();

            runAll(bridge, tasks, 120);

            for (int n = 0; n < tasks.size(); n++) {
                long taskId = tasks.get(n);
                TaskResult result = bridge.engine.status(taskId);
                assertThat(result.status()).as("%s", result).isEqualTo("complete");
                for (var step : result.steps()) {
                    assertThat(step.results()).isEqualTo(expectedCalendar(taskId, n, step.name()));
                }
            }
            List<TaskerEvent> computed = bridge.events.stream().filter(e -> e.name().equals("calendar.computed")).toList();
            assertThat(computed).hasSize(tasks.size() * STEPS)
                    .allSatisfy(event -> assertThat(event.get("task_id")).isEqualTo(event.get("sent_by_task")));
            assertThat(bridge.ruby.statistics()).isEqualTo(new PoolStatistics(1, 1, 1));
        }
    }

    @Test
    void a_runaway_step_times_out_alone_while_the_other_steps_in_the_context_run_on(TestDatabase db) throws Exception {
        // Handlers that share no Hash or Array across threads may run at once when configured to.
        try (BridgeEngine bridge = BridgeEngine.withRubyThreads(db, 4, 4)) {
            TaskTemplate loops = bridge.register("""
                    name: loops
                    namespace_name: tests
                    version: 1.0.0
                    step_templates:
                      - name: spin
                        handler_language: ruby
                        handler_class: RubyHandlers::Forever
                        timeout_seconds: 1
                    """);
            TaskTemplate busy = bridge.register("""
                    name: busy
                    namespace_name: tests
                    version: 1.0.0
                    default_handler_language: ruby
                    step_templates:
                      - name: first
                        handler_class: RubyHandlers::Busy
                        handler_config: {seconds: 4}
                      - name: second
                        handler_class: RubyHandlers::Busy
                        handler_config: {seconds: 4}
                    """);
            long busyTask = bridge.create(busy, Map.of());
            long loopTask = bridge.create(loops, Map.of());

            CompletableFuture<TaskResult> busyRun = bridge.engine.run(busyTask);
            TaskResult timedOut = bridge.run(loopTask);
            assertThat(busyRun).isNotDone();
            TaskResult busyDone = busyRun.get(60, TimeUnit.SECONDS);

            Map<?, ?> failure = (Map<?, ?>) timedOut.step("spin").results();
            assertThat(failure.get("error_class")).isEqualTo("Tasker::StepTimeoutError");
            assertThat(failure.get("timed_out")).isEqualTo(true);
            assertThat(busyDone.status()).isEqualTo("complete");
            assertThat(busyDone.steps()).allSatisfy(step ->
                    assertThat(step.results()).isEqualTo(Map.of("task_id", busyTask, "busy", true)));
            TaskResult retried = bridge.runToEnd(loopTask);
            assertThat(retried.step("spin").results()).isEqualTo(Map.of("finished_on_attempt", 2L));
            assertThat(bridge.ruby.statistics().created()).isEqualTo(1);
        }
    }

    @Test
    void thousands_of_steps_reuse_the_one_context_without_growing_the_heap(TestDatabase db) throws Exception {
        try (BridgeEngine bridge = new BridgeEngine(db, WORKERS)) {
            TaskTemplate template = bridge.register(calendar("calendar_stress"));
            runRound(bridge, template, 20);
            long before = heapAfterGc();

            for (int round = 0; round < 15; round++) {
                runRound(bridge, template, 20);
            }
            long after = heapAfterGc();

            assertThat(bridge.ruby.statistics()).isEqualTo(new PoolStatistics(1, 1, 1));
            // 2,400 steps after the first 160: their events are kept (a few hundred bytes each), nothing else should be.
            assertThat(after - before).as("heap growth in bytes").isLessThan(48L * 1024 * 1024);
        }
    }

    private static void runRound(BridgeEngine bridge, TaskTemplate template, int tasks) throws Exception {
        List<Long> ids = IntStream.range(0, tasks).mapToObj(n -> bridge.create(template, Map.of("n", n))).toList();
        runAll(bridge, ids, 300);
        for (int n = 0; n < ids.size(); n++) {
            long taskId = ids.get(n);
            TaskResult result = bridge.engine.status(taskId);
            assertThat(result.status()).as("%s", result).isEqualTo("complete");
            var step = result.steps().get(n % STEPS);
            assertThat(step.results()).isEqualTo(expectedCalendar(taskId, n, step.name()));
        }
    }

    private static void runAll(BridgeEngine bridge, List<Long> tasks, int seconds) throws Exception {
        List<CompletableFuture<TaskResult>> runs = new ArrayList<>();
        for (long taskId : tasks) {
            runs.add(bridge.engine.run(taskId));
        }
        CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(seconds, TimeUnit.SECONDS);
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static String calendar(String name) {
        StringBuilder yaml = new StringBuilder("""
                name: %s
                namespace_name: tests
                version: 1.0.0
                default_handler_language: ruby
                step_templates:
                """.formatted(name));
        for (int i = 1; i <= STEPS; i++) {
            yaml.append("  - name: step_").append(i).append("\n    handler_class: RubyHandlers::Calendar\n")
                    .append("    handler_config: {step: step_").append(i).append("}\n");
        }
        return yaml.toString();
    }

    private static Map<String, Object> expectedCalendar(long taskId, int n, String step) {
        int day = 1 + n % 28;
        String price = new BigDecimal("1.5").multiply(BigDecimal.valueOf(n)).stripTrailingZeros().toPlainString();
        return Map.of("task_id", taskId, "step", step, "config_step", step,
                "day_of_year", (long) LocalDate.of(2026, 11, day).getDayOfYear(), "time_day", (long) day,
                "price", price.contains(".") ? price : price + ".0", "yaml", Map.of("n", (long) n, "step", step));
    }
}
