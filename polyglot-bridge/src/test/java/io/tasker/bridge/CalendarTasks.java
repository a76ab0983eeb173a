package io.tasker.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.tasker.core.engine.TaskResult;
import io.tasker.core.template.TaskTemplate;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/** Tasks of Ruby steps that use TruffleRuby's C extensions (date, bigdecimal, psych), and what they must answer. */
final class CalendarTasks {
    static final int STEPS = 8;

    private CalendarTasks() {
    }

    static void runRound(BridgeEngine bridge, TaskTemplate template, int tasks) throws Exception {
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

    static void runAll(BridgeEngine bridge, List<Long> tasks, int seconds) throws Exception {
        List<CompletableFuture<TaskResult>> runs = new ArrayList<>();
        for (long taskId : tasks) {
            runs.add(bridge.engine.run(taskId));
        }
        CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(seconds, TimeUnit.SECONDS);
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

    static Map<String, Object> expectedCalendar(long taskId, int n, String step) {
        int day = 1 + n % 28;
        String price = new BigDecimal("1.5").multiply(BigDecimal.valueOf(n)).stripTrailingZeros().toPlainString();
        return Map.of("task_id", taskId, "step", step, "config_step", step,
                "day_of_year", (long) LocalDate.of(2026, 11, day).getDayOfYear(), "time_day", (long) day,
                "price", price.contains(".") ? price : price + ".0", "yaml", Map.of("n", (long) n, "step", step));
    }
}
