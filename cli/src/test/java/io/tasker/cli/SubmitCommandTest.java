package io.tasker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tasker.testkit.TaskerDatabaseExtension;
import io.tasker.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TaskerDatabaseExtension.class)
class SubmitCommandTest {

    @Test
    void creates_a_pending_task_without_running_it_and_prints_its_id(TestDatabase database) throws Exception {
        CommandOutcome submit = Tasker.run(Fixtures.environmentFor(database), "submit", Fixtures.example("linear"),
                "--context", "{\"even_number\": 2}");

        assertThat(submit.exitCode()).as(submit.toString()).isZero();
        assertThat(submit.out()).matches("Created task \\d+ examples\\.linear_workflow@1\\.0\\.0 \\(pending; a worker runs it\\)\n");
        long taskId = Long.parseLong(submit.out().split(" ")[2]);
        assertThat(Rows.strings(database, "SELECT to_state FROM tasker_task_transitions WHERE task_id = ?", taskId))
                .containsExactly("pending");
        assertThat(Rows.count(database, "SELECT count(*) FROM tasker_workflow_steps WHERE task_id = ? AND attempts > 0",
                taskId)).isZero();
        assertThat(Rows.count(database, "SELECT count(*) FROM tasker_tasks WHERE task_id = ? AND claimed_by IS NULL"
                + " AND next_run_at <= now()", taskId)).as("queued: due now, held by no worker").isEqualTo(1);
    }

    @Test
    void stores_the_template_so_that_commands_without_the_file_can_use_it(TestDatabase database) throws Exception {
        Tasker.run(Fixtures.environmentFor(database), "submit", Fixtures.example("linear"), "--context", "{\"even_number\": 2}");

        String stored = Rows.strings(database, "SELECT configuration ->> 'template_yaml' FROM tasker_named_tasks"
                + " WHERE name = 'linear_workflow'").getFirst();

        assertThat(stored).isEqualTo(Files.readString(Path.of(Fixtures.example("linear"))));
    }

    @Test
    void prints_one_json_document_and_returns_the_same_task_for_the_same_idempotency_key(TestDatabase database)
            throws Exception {
        String[] args = {"submit", Fixtures.example("diamond"), "--context", "{\"even_number\": 2}",
            "--idempotency-key", "order-7", "--output", "json"};

        CommandOutcome first = Tasker.run(Fixtures.environmentFor(database), args);
        CommandOutcome again = Tasker.run(Fixtures.environmentFor(database), args);

        assertThat(first.exitCode()).as(first.toString()).isZero();
        JsonNode created = Rows.onlyDocument(first.out());
        assertThat(Rows.fieldNames(created)).containsExactly("task_id", "namespace", "name", "version", "created");
        assertThat(created.get("namespace").asText()).isEqualTo("examples");
        assertThat(created.get("name").asText()).isEqualTo("diamond_workflow");
        assertThat(created.get("version").asText()).isEqualTo("1.0.0");
        assertThat(created.get("created").asBoolean()).isTrue();
        JsonNode existing = Rows.onlyDocument(again.out());
        assertThat(existing.get("task_id").asLong()).isEqualTo(created.get("task_id").asLong());
        assertThat(existing.get("created").asBoolean()).isFalse();
    }

    @Test
    void a_submitted_task_is_run_by_run_with_the_same_idempotency_key(TestDatabase database) throws Exception {
        CommandOutcome submit = Tasker.run(Fixtures.environmentFor(database), "submit", Fixtures.example("linear"),
                "--context", "{\"even_number\": 2}", "--idempotency-key", "nightly", "--output", "json");
        CommandOutcome run = Tasker.run(Fixtures.environmentFor(database), "run", Fixtures.example("linear"),
                "--handlers", Fixtures.exampleHandlers(), "--context", "{\"even_number\": 2}",
                "--idempotency-key", "nightly", "--output", "json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(Rows.onlyDocument(run.out()).get("task_id").asLong())
                .isEqualTo(Rows.onlyDocument(submit.out()).get("task_id").asLong());
    }

    @Test
    void submits_a_task_of_a_ruby_template_without_loading_ruby(TestDatabase database) {
        String template = Path.of("..", "examples", "linear", "ruby", "linear.yaml").toAbsolutePath().normalize().toString();

        CommandOutcome submit = Tasker.run(Fixtures.environmentFor(database), "submit", template,
                "--context", "{\"even_number\": 2}");

        assertThat(submit.exitCode()).as(submit.toString()).isZero();
        assertThat(submit.out()).startsWith("Created task ");
    }

    @Test
    void rejects_a_context_the_schema_does_not_allow_before_using_a_database() {
        CommandOutcome submit = Tasker.run(Fixtures.unreachableDatabase(), "submit", Fixtures.example("linear"),
                "--context", "{\"even_number\": 3}");

        assertThat(submit.exitCode()).as(submit.toString()).isEqualTo(2);
        assertThat(submit.err()).contains("tasker submit: --context: the context does not match the schema")
                .contains("$.even_number");
        assertThat(submit.out()).isEmpty();
    }

    @Test
    void rejects_malformed_context_json_and_a_missing_template_file() {
        CommandOutcome json = Tasker.run(Fixtures.unreachableDatabase(), "submit", Fixtures.example("linear"),
                "--context", "{\"even_number\": }");
        CommandOutcome file = Tasker.run(Fixtures.unreachableDatabase(), "submit", "no/such/template.yaml");

        assertThat(json.exitCode()).isEqualTo(2);
        assertThat(json.err()).contains("tasker submit: --context: invalid JSON at line 1, column 17");
        assertThat(file.exitCode()).isEqualTo(2);
        assertThat(file.err()).contains("template no/such/template.yaml: no such file");
    }
}
