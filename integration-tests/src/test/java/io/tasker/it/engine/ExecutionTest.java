package io.tasker.it.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tasker.core.engine.TaskResult;
import io.tasker.core.template.TaskTemplate;
import io.tasker.it.engine.handlers.CheckParents;
import io.tasker.testkit.TaskerDatabaseExtension;
import io.tasker.testkit.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TaskerDatabaseExtension.class)
class ExecutionTest {

    private static String template(String name, String steps) {
        return """
                name: %s
                namespace_name: patterns
                version: 1.0.0
                task_handler_class: Patterns
                step_templates:
                %s""".formatted(name, steps.indent(2));
    }

    private static String step(String name, String... parents) {
        String deps = parents.length == 0 ? "" : "\n  depends_on_steps: [" + String.join(", ", parents) + "]";
        return "- name: " + name + "\n  handler_class: " + CheckParents.class.getName() + deps + "\n";
    }

    private TaskResult runPattern(TestDatabase db, String name, String steps) {
        try (EngineFixture fx = new EngineFixture(db)) {
            TaskTemplate template = fx.register(template(name, steps));
            long taskId = fx.create(template, Map.of());
            TaskResult result = fx.run(taskId);
            assertThat(result.status()).isEqualTo("complete");
            for (TaskResult.StepResult step : result.steps()) {
                assertThat(step.status()).as(step.name()).isEqualTo("complete");
                assertThat(step.attempts()).as(step.name()).isEqualTo(1);
                assertThat(fx.stepTransitions(taskId, step.name()))
                        .containsExactly("->pending", "pending>in_progress", "in_progress>complete");
            }
            assertThat(fx.taskTransitions(taskId)).containsExactly("->pending", "pending>in_progress", "in_progress>complete");
            assertThat(fx.count("SELECT count(*) FROM tasker_tasks WHERE task_id = ? AND complete", taskId)).isEqualTo(1);
            return result;
        }
    }

    private static long depth(TaskResult result, String step) {
        return ((Number) ((Map<?, ?>) result.step(step).results()).get("depth")).longValue();
    }

    @Test
    void runs_a_linear_chain_in_order(TestDatabase db) {
        TaskResult result = runPattern(db, "linear", step("a") + step("b", "a") + step("c", "b") + step("d", "c"));
        assertThat(depth(result, "d")).isEqualTo(4);
    }

    @Test
    void runs_a_diamond_with_both_branches_before_the_merge(TestDatabase db) {
        TaskResult result = runPattern(db, "diamond",
                step("a") + step("b", "a") + step("c", "a") + step("d", "b", "c"));
        assertThat(depth(result, "d")).isEqualTo(3);
    }

    @Test
    void runs_a_parallel_merge_of_independent_roots(TestDatabase db) {
        TaskResult result = runPattern(db, "parallel_merge",
                step("r1") + step("r2") + step("r3") + step("merge", "r1", "r2", "r3"));
        assertThat(depth(result, "merge")).isEqualTo(2);
    }

    @Test
    void runs_a_tree_that_fans_out_twice(TestDatabase db) {
        TaskResult result = runPattern(db, "tree", step("root") + step("l", "root") + step("r", "root")
                + step("ll", "l") + step("lr", "l") + step("rl", "r") + step("rr", "r"));
        assertThat(depth(result, "rr")).isEqualTo(3);
    }

    @Test
    void runs_a_mixed_dag_with_uneven_paths(TestDatabase db) {
        TaskResult result = runPattern(db, "mixed", step("init") + step("fetch", "init") + step("enrich", "fetch")
                + step("validate", "init") + step("join", "enrich", "validate") + step("notify", "join")
                + step("audit", "validate"));
        assertThat(depth(result, "notify")).isEqualTo(5);
        assertThat(depth(result, "audit")).isEqualTo(3);
    }

    @Test
    void never_runs_more_steps_at_once_than_max_concurrent_steps(TestDatabase db) {
        CheckParents.MOST_AT_ONCE.set(0);
        StringBuilder steps = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            steps.append(step("root_" + i));
        }
        try (EngineFixture fx = new EngineFixture(db, EngineFixture.config(2,
                io.tasker.core.config.EngineConfig.IdentityStrategy.DEFAULT))) {
            TaskTemplate template = fx.register(template("wide", steps.toString()));
            assertThat(fx.run(fx.create(template, Map.of())).status()).isEqualTo("complete");
        }
        assertThat(CheckParents.MOST_AT_ONCE.get()).isBetween(1, 2);
    }
}
