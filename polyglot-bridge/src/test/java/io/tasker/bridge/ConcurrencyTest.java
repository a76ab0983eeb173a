package io.tasker.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.tasker.core.engine.TaskResult;
import io.tasker.core.template.TaskTemplate;
import io.tasker.testkit.TaskerDatabaseExtension;
import io.tasker.testkit.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Many Ruby and Python steps of several tasks at once: every step completes with its own results; Python's pool
 * builds no more contexts than there are worker threads, and Ruby's steps all run in its one context.
 */
@ExtendWith(TaskerDatabaseExtension.class)
class ConcurrencyTest {
    private static final int WORKERS = 4;
    private static final int STEPS = 8;
    private static final int TASKS_PER_LANGUAGE = 3;

    @Test
    void steps_of_several_tasks_run_at_once_on_reused_contexts(TestDatabase db) throws Exception {
        try (BridgeEngine bridge = new BridgeEngine(db, WORKERS)) {
            TaskTemplate python = bridge.register(fanOut("fan_out_python", "python", "shop.views.EchoStep", null));
            TaskTemplate ruby = bridge.register(fanOut("fan_out_ruby", "ruby", "RubyHandlers::Returns", "no_op"));
            List<Long> pythonTasks = create(bridge, python);
            List<Long> rubyTasks = create(bridge, ruby);

            List<CompletableFuture<TaskResult>> runs = new ArrayList<>();
            for (long taskId : concat(pythonTasks, rubyTasks)) {
                runs.add(bridge.engine.run(taskId));
            }
            CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);

            for (CompletableFuture<TaskResult> run : runs) {
                assertThat(run.get().status()).isEqualTo("complete");
            }
            for (long taskId : pythonTasks) {
                TaskResult result = bridge.engine.status(taskId);
                assertThat(result.steps()).allSatisfy(step ->
                        assertThat(step.results()).isEqualTo(Map.of("task_id", taskId, "step", step.name())));
            }
            assertThat(bridge.python.statistics().created()).isBetween(1, WORKERS);
            assertThat(bridge.ruby.statistics()).isEqualTo(new PoolStatistics(1, 1, 1));
        }
    }

    private static String fanOut(String name, String language, String handlerClass, String kind) {
        StringBuilder yaml = new StringBuilder("""
                name: %s
                namespace_name: tests
                version: 1.0.0
                default_handler_language: %s
                step_templates:
                """.formatted(name, language));
        for (int i = 1; i <= STEPS; i++) {
            yaml.append("  - name: step_").append(i).append("\n    handler_class: ").append(handlerClass).append('\n');
            if (kind != null) {
                yaml.append("    handler_config:\n      kind: ").append(kind).append('\n');
            }
        }
        return yaml.toString();
    }

    private static List<Long> create(BridgeEngine bridge, TaskTemplate template) {
        return IntStream.range(0, TASKS_PER_LANGUAGE).mapToObj(i -> bridge.create(template, Map.of("n", i))).toList();
    }

    private static List<Long> concat(List<Long> first, List<Long> second) {
        List<Long> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
