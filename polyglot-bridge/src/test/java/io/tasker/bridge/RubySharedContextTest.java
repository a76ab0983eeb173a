package io.tasker.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.tasker.core.engine.TaskResult;
import io.tasker.core.events.TaskerEvent;
import io.tasker.core.template.TaskTemplate;
import io.tasker.testkit.TaskerDatabaseExtension;
import io.tasker.testkit.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Ruby's one context, entered by every worker thread: handlers using TruffleRuby's C extensions (date, bigdecimal,
 * psych) run from many worker threads (one step at a time, the default: with 8 at once Psych's dispatch cache, a plain
 * Hash, failed with internal errors in 2 of 3 runs) and answer right, and each attempt's handle calls land on its own
 * task.
 *
 * <p>Runs in a JVM of its own (see the module's pom): C extensions work in the first Ruby context of a JVM only, and
 * every engine builds its Ruby context; so each of these classes has one test.
 */
@ExtendWith(TaskerDatabaseExtension.class)
class RubySharedContextTest {
    private static final int WORKERS = 8;

    @Test
    void steps_of_several_tasks_on_many_worker_threads_use_c_extensions_in_the_one_context(TestDatabase db) throws Exception {
        try (BridgeEngine bridge = new BridgeEngine(db, WORKERS)) {
            TaskTemplate template = bridge.register(CalendarTasks.calendar("calendar"));
            List<Long> tasks = IntStream.range(0, 6).mapToObj(n -> bridge.create(template, Map.of("n", n))).toList();

            CalendarTasks.runAll(bridge, tasks, 120);

            for (int n = 0; n < tasks.size(); n++) {
                long taskId = tasks.get(n);
                TaskResult result = bridge.engine.status(taskId);
                assertThat(result.status()).as("%s", result).isEqualTo("complete");
                for (var step : result.steps()) {
                    assertThat(step.results()).isEqualTo(CalendarTasks.expectedCalendar(taskId, n, step.name()));
                }
            }
            List<TaskerEvent> computed = bridge.events.stream().filter(e -> e.name().equals("calendar.computed")).toList();
            assertThat(computed).hasSize(tasks.size() * CalendarTasks.STEPS)
                    .allSatisfy(event -> assertThat(event.get("task_id")).isEqualTo(event.get("sent_by_task")));
            assertThat(bridge.ruby.statistics()).isEqualTo(new PoolStatistics(1, 1, 1));
        }
    }
}
