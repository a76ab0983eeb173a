package io.tasker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tasker.testkit.TaskerDatabaseExtension;
import io.tasker.testkit.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TaskerDatabaseExtension.class)
class StatusAndTasksCommandTest {

    @Test
    void status_shows_the_task_its_steps_and_the_error_of_the_failed_one(TestDatabase database) throws Exception {
        long taskId = failed(database);

        CommandOutcome status = Tasker.run(Fixtures.environmentFor(database), "status", String.valueOf(taskId));

        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.out()).startsWith("Task " + taskId + " cli_tests.failing_workflow@1.0.0: error\n")
                .containsPattern("created: +\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\n")
                .contains("idempotency key:  failed-once\n")
                .contains("context:          {\"even_number\":2}\n")
                .containsPattern("square\\s+complete\\s+1/3\\s+\\S+Z\\s+\\{\"result\":4}")
                .containsPattern("refuse\\s+error\\s+1/3")
                .contains("error: io.tasker.core.handler.PermanentError: " + RefusingHandler.MESSAGE)
                .containsPattern("never_reached\\s+pending\\s+0/3\\s+-");
    }

    @Test
    void status_prints_one_json_document_with_every_field(TestDatabase database) throws Exception {
        long taskId = failed(database);

        CommandOutcome status = Tasker.run(Fixtures.environmentFor(database), "status", String.valueOf(taskId),
                "--output", "json");

        JsonNode task = Rows.onlyDocument(status.out());
        assertThat(Rows.fieldNames(task)).containsExactly("task_id", "namespace", "name", "version", "status",
                "created_at", "updated_at", "next_run_at", "idempotency_key", "initiator", "source_system", "reason",
                "tags", "context", "steps");
        assertThat(task.get("status").asText()).isEqualTo("error");
        assertThat(task.get("context").get("even_number").asInt()).isEqualTo(2);
        JsonNode refuse = task.get("steps").get(1);
        assertThat(Rows.fieldNames(refuse)).containsExactly("name", "status", "attempts", "retry_limit", "retryable",
                "last_attempted_at", "results", "error");
        assertThat(refuse.get("status").asText()).isEqualTo("error");
        assertThat(refuse.get("retryable").asBoolean()).isFalse();
        assertThat(refuse.get("results").get("error_code").asText()).isEqualTo("ALWAYS_REFUSES");
        assertThat(refuse.get("error").asText()).contains(RefusingHandler.MESSAGE);
    }

    @Test
    void tasks_lists_the_newest_first_and_filters_by_status_namespace_and_name(TestDatabase database) throws Exception {
        long failed = failed(database);
        long pending = submit(database, "diamond");

        CommandOutcome all = Tasker.run(Fixtures.environmentFor(database), "tasks");
        CommandOutcome inError = Tasker.run(Fixtures.environmentFor(database), "tasks", "--status", "error", "--output", "json");
        CommandOutcome examples = Tasker.run(Fixtures.environmentFor(database), "tasks", "--namespace", "examples",
                "--name", "diamond_workflow", "--output", "json");
        CommandOutcome none = Tasker.run(Fixtures.environmentFor(database), "tasks", "--status", "complete");

        assertThat(all.exitCode()).as(all.toString()).isZero();
        List<String> lines = all.out().lines().toList();
        assertThat(lines.getFirst()).matches("ID +STATUS +TEMPLATE +CREATED +UPDATED");
        assertThat(lines.get(1)).matches(pending + " +pending +examples\\.diamond_workflow@1\\.0\\.0 +\\S+Z +\\S+Z");
        assertThat(lines.get(2)).matches(failed + " +error +cli_tests\\.failing_workflow@1\\.0\\.0 +\\S+Z +\\S+Z");
        assertThat(lines).hasSize(3);
        assertThat(ids(inError)).containsExactly(failed);
        assertThat(ids(examples)).containsExactly(pending);
        assertThat(Rows.fieldNames(Rows.onlyDocument(examples.out()).get("tasks").get(0))).containsExactly("task_id",
                "namespace", "name", "version", "status", "created_at", "updated_at", "idempotency_key");
        assertThat(none.out()).isEqualTo("No tasks match.\n");
    }

    @Test
    void tasks_pages_with_limit_and_before(TestDatabase database) throws Exception {
        List<Long> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(submit(database, "linear"));
        }

        CommandOutcome first = Tasker.run(Fixtures.environmentFor(database), "tasks", "--limit", "2", "--output", "json");
        long next = Rows.onlyDocument(first.out()).get("next_before").asLong();
        CommandOutcome second = Tasker.run(Fixtures.environmentFor(database), "tasks", "--limit", "2",
                "--before", String.valueOf(next));
        CommandOutcome last = Tasker.run(Fixtures.environmentFor(database), "tasks", "--limit", "2",
                "--before", String.valueOf(created.get(1)), "--output", "json");

        assertThat(ids(first)).containsExactly(created.get(4), created.get(3));
        assertThat(next).isEqualTo(created.get(3));
        assertThat(second.out()).contains(created.get(2) + " ").contains(created.get(1) + " ")
                .endsWith("More tasks may follow: add --before " + created.get(1) + " for the next page.\n");
        assertThat(ids(last)).containsExactly(created.get(0));
        assertThat(Rows.onlyDocument(last.out()).get("next_before").isNull()).isTrue();
    }

    @Test
    void tasks_rejects_an_unknown_status_and_a_limit_out_of_range_before_using_a_database() {
        CommandOutcome status = Tasker.run(Fixtures.unreachableDatabase(), "tasks", "--status", "failed");
        CommandOutcome limit = Tasker.run(Fixtures.unreachableDatabase(), "tasks", "--limit", "0");

        assertThat(status.exitCode()).isEqualTo(2);
        assertThat(status.err()).contains("tasker tasks: --status: got 'failed', expected one of pending, in_progress,"
                + " complete, error, cancelled, resolved_manually");
        assertThat(limit.exitCode()).isEqualTo(2);
        assertThat(limit.err()).contains("tasker tasks: --limit: got 0, expected a number from 1 to 10000");
    }

    private static long failed(TestDatabase database) throws Exception {
        CommandOutcome run = Tasker.run(Fixtures.environmentFor(database), "run", Fixtures.template("failing.yaml"),
                "--handlers", Fixtures.exampleHandlers(), "--context", "{\"even_number\": 2}",
                "--idempotency-key", "failed-once", "--output", "json");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        return Rows.onlyDocument(run.out()).get("task_id").asLong();
    }

    private static long submit(TestDatabase database, String example) throws Exception {
        CommandOutcome submit = Tasker.run(Fixtures.environmentFor(database), "submit", Fixtures.example(example),
                "--context", "{\"even_number\": 2}", "--output", "json");
        assertThat(submit.exitCode()).as(submit.toString()).isZero();
        return Rows.onlyDocument(submit.out()).get("task_id").asLong();
    }

    private static List<Long> ids(CommandOutcome json) throws Exception {
        List<Long> ids = new ArrayList<>();
        Rows.onlyDocument(json.out()).get("tasks").forEach(task -> ids.add(task.get("task_id").asLong()));
        return ids;
    }
}
