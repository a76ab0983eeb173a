package io.tasker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tasker.testkit.TaskerDatabaseExtension;
import io.tasker.testkit.TestDatabase;
import java.net.InetAddress;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * cancel, retry, resolve and reset-step on tasks created by other commands: no template file and no handler code
 * given, every change audited with who (cli:user@host) and why in the transition metadata.
 */
@ExtendWith(TaskerDatabaseExtension.class)
class OperatorCommandsTest {

    private static String actor;

    @BeforeAll
    static void whoRunsTheTests() throws Exception {
        actor = "cli:" + System.getProperty("user.name") + "@" + InetAddress.getLocalHost().getHostName();
    }

    @Test
    void cancel_cancels_a_pending_task_and_its_steps_and_records_who_and_why(TestDatabase database) throws Exception {
        long taskId = submitLinear(database);

        CommandOutcome cancel = Tasker.run(Fixtures.environmentFor(database), "cancel", String.valueOf(taskId),
                "--reason", "duplicate order");

        assertThat(cancel.exitCode()).as(cancel.toString()).isZero();
        assertThat(cancel.out()).startsWith("cancel: task " + taskId + " pending -> cancelled, by " + actor
                + " (reason: duplicate order)\nTask " + taskId + " examples.linear_workflow@1.0.0: cancelled\n");
        assertThat(cancel.out()).containsPattern("linear_step_4\\s+cancelled\\s+0/3");
        JsonNode metadata = Rows.currentTaskTransitionMetadata(database, taskId);
        assertThat(metadata.get("actor").asText()).isEqualTo(actor);
        assertThat(metadata.get("reason").asText()).isEqualTo("duplicate order");
        JsonNode step = Rows.currentStepTransitionMetadata(database, taskId, "linear_step_1");
        assertThat(step.get("actor").asText()).isEqualTo(actor);
        assertThat(step.get("reason").asText()).isEqualTo("duplicate order");
    }

    @Test
    void reports_an_operation_as_one_json_document(TestDatabase database) throws Exception {
        long taskId = submitLinear(database);

        CommandOutcome cancel = Tasker.run(Fixtures.environmentFor(database), "cancel", String.valueOf(taskId),
                "--output", "json");

        assertThat(cancel.exitCode()).as(cancel.toString()).isZero();
        JsonNode document = Rows.onlyDocument(cancel.out());
        assertThat(Rows.fieldNames(document)).containsExactly("action", "step", "actor", "reason", "previous_status", "task");
        assertThat(document.get("action").asText()).isEqualTo("cancel");
        assertThat(document.get("step").isNull()).isTrue();
        assertThat(document.get("actor").asText()).isEqualTo(actor);
        assertThat(document.get("reason").isNull()).isTrue();
        assertThat(document.get("previous_status").asText()).isEqualTo("pending");
        assertThat(document.get("task").get("task_id").asLong()).isEqualTo(taskId);
        assertThat(document.get("task").get("status").asText()).isEqualTo("cancelled");
        assertThat(Rows.currentTaskTransitionMetadata(database, taskId).has("reason")).isFalse();
    }

    @Test
    void retry_and_resolve_bring_a_failed_task_to_complete(TestDatabase database) throws Exception {
        String[] run = {"run", Fixtures.template("failing.yaml"), "--handlers", Fixtures.exampleHandlers(),
            "--context", "{\"even_number\": 2}", "--idempotency-key", "refused-once", "--output", "json"};
        CommandOutcome failed = Tasker.run(Fixtures.environmentFor(database), run);
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
        long taskId = Rows.onlyDocument(failed.out()).get("task_id").asLong();

        CommandOutcome retry = Tasker.run(Fixtures.environmentFor(database), "retry", String.valueOf(taskId),
                "--reason", "card replaced");

        assertThat(retry.exitCode()).as(retry.toString()).isZero();
        assertThat(retry.out()).startsWith("retry: task " + taskId + " error -> pending, by " + actor);
        assertThat(retry.out()).containsPattern("refuse\\s+pending\\s+0/3");
        assertThat(Rows.currentTaskTransitionMetadata(database, taskId).get("reason").asText()).isEqualTo("card replaced");
        assertThat(Rows.currentStepTransitionMetadata(database, taskId, "refuse").get("actor").asText()).isEqualTo(actor);

        assertThat(Tasker.run(Fixtures.environmentFor(database), run).exitCode()).isEqualTo(1);
        CommandOutcome resolve = Tasker.run(Fixtures.environmentFor(database), "resolve", String.valueOf(taskId),
                "refuse", "--results", "{\"result\": 16, \"approved_by\": \"phone\"}", "--reason", "approved by phone");

        assertThat(resolve.exitCode()).as(resolve.toString()).isZero();
        assertThat(resolve.out()).startsWith("resolve: step 'refuse' error -> resolved_manually; task " + taskId
                + " error -> pending, by " + actor + " (reason: approved by phone)");
        JsonNode resolved = Rows.currentStepTransitionMetadata(database, taskId, "refuse");
        assertThat(resolved.get("actor").asText()).isEqualTo(actor);
        assertThat(resolved.get("reason").asText()).isEqualTo("approved by phone");
        CommandOutcome resumed = Tasker.run(Fixtures.environmentFor(database), run);
        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        JsonNode steps = Rows.onlyDocument(resumed.out()).get("steps");
        assertThat(steps.get(1).get("results").get("approved_by").asText()).isEqualTo("phone");
        assertThat(steps.get(2).get("status").asText()).isEqualTo("complete");
        assertThat(steps.get(2).get("results").get("result").asLong()).isEqualTo(256);
    }

    @Test
    void reset_step_gives_an_exhausted_step_new_attempts_and_reopens_its_task(TestDatabase database) throws Exception {
        CommandOutcome failed = Tasker.run(Fixtures.environmentFor(database), "run", Fixtures.template("failing.yaml"),
                "--handlers", Fixtures.exampleHandlers(), "--context", "{\"even_number\": 2}", "--output", "json");
        long taskId = Rows.onlyDocument(failed.out()).get("task_id").asLong();

        CommandOutcome reset = Tasker.run(Fixtures.environmentFor(database), "reset-step", String.valueOf(taskId),
                "refuse", "--reason", "fixed upstream", "--output", "json");

        assertThat(reset.exitCode()).as(reset.toString()).isZero();
        JsonNode document = Rows.onlyDocument(reset.out());
        assertThat(document.get("action").asText()).isEqualTo("reset-step");
        assertThat(document.get("step").asText()).isEqualTo("refuse");
        assertThat(document.get("previous_status").asText()).isEqualTo("error");
        assertThat(document.get("task").get("status").asText()).isEqualTo("pending");
        JsonNode refuse = document.get("task").get("steps").get(1);
        assertThat(refuse.get("attempts").asInt()).isZero();
        assertThat(refuse.get("retryable").asBoolean()).isTrue();
        JsonNode metadata = Rows.currentTaskTransitionMetadata(database, taskId);
        assertThat(metadata.get("actor").asText()).isEqualTo(actor);
        assertThat(metadata.get("reason").asText()).isEqualTo("fixed upstream");
    }

    @Test
    void acts_on_a_task_of_a_ruby_template_without_handler_code(TestDatabase database) {
        String template = Path.of("..", "examples", "linear", "ruby", "linear.yaml").toAbsolutePath().normalize().toString();
        CommandOutcome submit = Tasker.run(Fixtures.environmentFor(database), "submit", template,
                "--context", "{\"even_number\": 2}");
        long taskId = Long.parseLong(submit.out().split(" ")[2]);

        CommandOutcome cancel = Tasker.run(Fixtures.environmentFor(database), "cancel", String.valueOf(taskId));

        assertThat(cancel.exitCode()).as(cancel.toString()).isZero();
        assertThat(cancel.out()).contains("pending -> cancelled");
    }

    private static long submitLinear(TestDatabase database) {
        CommandOutcome submit = Tasker.run(Fixtures.environmentFor(database), "submit", Fixtures.example("linear"),
                "--context", "{\"even_number\": 2}");
        assertThat(submit.exitCode()).as(submit.toString()).isZero();
        return Long.parseLong(submit.out().split(" ")[2]);
    }
}
