package io.tasker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tasker.testkit.TaskerDatabaseExtension;
import io.tasker.testkit.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Operator commands refuse what they cannot do with exit code 2 and a message naming the task, step or flag. */
@ExtendWith(TaskerDatabaseExtension.class)
class OperatorBadInputTest {

    private static final int INVALID_INPUT = 2;

    @Test
    void names_a_task_that_does_not_exist(TestDatabase database) {
        for (String command : new String[] {"status", "cancel", "retry"}) {
            CommandOutcome outcome = Tasker.run(Fixtures.environmentFor(database), command, "999999");

            assertInvalid(outcome, "tasker " + command + ": TASK_ID 999999: no such task in ");
        }
    }

    @Test
    void refuses_to_retry_a_complete_task_naming_its_state(TestDatabase database) throws Exception {
        long taskId = completedLinear(database);

        CommandOutcome retry = Tasker.run(Fixtures.environmentFor(database), "retry", String.valueOf(taskId));

        assertInvalid(retry, "tasker retry: task " + taskId + " is complete; retry needs a task that is error");
    }

    @Test
    void refuses_to_cancel_a_cancelled_task_naming_the_states_it_needs(TestDatabase database) throws Exception {
        long taskId = completedLinear(database);
        Tasker.run(Fixtures.environmentFor(database), "cancel", String.valueOf(taskId));

        CommandOutcome again = Tasker.run(Fixtures.environmentFor(database), "cancel", String.valueOf(taskId));

        assertInvalid(again, "task " + taskId + " is cancelled; cancel needs a task that is pending, in_progress,"
                + " complete or resolved_manually");
    }

    @Test
    void names_the_known_steps_when_a_step_does_not_exist(TestDatabase database) throws Exception {
        long taskId = completedLinear(database);

        CommandOutcome resolve = Tasker.run(Fixtures.environmentFor(database), "resolve", String.valueOf(taskId),
                "linear_step_9", "--results", "{}");
        CommandOutcome reset = Tasker.run(Fixtures.environmentFor(database), "reset-step", String.valueOf(taskId),
                "nope");

        String steps = "its steps are: linear_step_1, linear_step_2, linear_step_3, linear_step_4";
        assertInvalid(resolve, "STEP 'linear_step_9': task " + taskId + " (examples.linear_workflow@1.0.0) has no such step; "
                + steps);
        assertInvalid(reset, "STEP 'nope': task " + taskId + " (examples.linear_workflow@1.0.0) has no such step; " + steps);
    }

    @Test
    void refuses_to_reset_or_resolve_a_complete_step_naming_its_state(TestDatabase database) throws Exception {
        long taskId = completedLinear(database);

        CommandOutcome reset = Tasker.run(Fixtures.environmentFor(database), "reset-step", String.valueOf(taskId),
                "linear_step_2");
        CommandOutcome resolve = Tasker.run(Fixtures.environmentFor(database), "resolve", String.valueOf(taskId),
                "linear_step_2", "--results", "{}");

        assertInvalid(reset, "step 'linear_step_2' of task " + taskId + " is complete; reset-step needs a step that is"
                + " pending or error");
        assertInvalid(resolve, "step 'linear_step_2' of task " + taskId + " is complete; resolve needs a step that is"
                + " pending or error");
    }

    @Test
    void rejects_malformed_results_json_naming_the_flag_before_using_a_database() {
        CommandOutcome resolve = Tasker.run(Fixtures.unreachableDatabase(), "resolve", "1", "charge",
                "--results", "{\"charged\": tru}");

        assertInvalid(resolve, "tasker resolve: --results: invalid JSON at line 1, column ");
        assertThat(resolve.err()).contains("expected the step's results as JSON, such as {\"charged\": true}");
    }

    @Test
    void requires_results_to_resolve_and_a_numeric_task_id() {
        CommandOutcome noResults = Tasker.run(Fixtures.unreachableDatabase(), "resolve", "1", "charge");
        CommandOutcome notANumber = Tasker.run(Fixtures.unreachableDatabase(), "cancel", "forty-two");

        assertInvalid(noResults, "Missing required option: '--results=JSON'");
        assertInvalid(notANumber, "Invalid value for positional parameter at index 0 (TASK_ID): 'forty-two' is not a long");
    }

    private static long completedLinear(TestDatabase database) throws Exception {
        CommandOutcome run = Tasker.run(Fixtures.environmentFor(database), "run", Fixtures.example("linear"),
                "--handlers", Fixtures.exampleHandlers(), "--context", "{\"even_number\": 2}", "--output", "json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return Rows.onlyDocument(run.out()).get("task_id").asLong();
    }

    private static void assertInvalid(CommandOutcome outcome, String message) {
        assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(INVALID_INPUT);
        assertThat(outcome.err()).as(outcome.toString()).contains(message);
        assertThat(outcome.out()).as(outcome.toString()).isEmpty();
    }
}
