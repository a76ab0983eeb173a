package io.tasker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tasker.testkit.TaskerDatabaseExtension;
import io.tasker.testkit.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@ExtendWith(TaskerDatabaseExtension.class)
class RunCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void runs_the_linear_example_to_complete_and_prints_every_step(TestDatabase database) {
        CommandOutcome run = Tasker.run(Fixtures.environmentFor(database), "run", Fixtures.example("linear"),
                "--handlers", Fixtures.exampleHandlers(), "--context", "{\"even_number\": 2}");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).containsPattern("Task \\d+ examples\\.linear_workflow@1\\.0\\.0: complete");
        assertThat(run.out()).containsPattern("linear_step_1\\s+complete\\s+1\\s+\\{\"result\":4}");
        assertThat(run.out()).containsPattern("linear_step_4\\s+complete\\s+1\\s+\\{\"result\":65536}");
    }

    @Test
    void prints_exactly_one_json_document_with_the_result_of_the_diamond(TestDatabase database) throws Exception {
        CommandOutcome run = Tasker.run(Fixtures.environmentFor(database), "run", Fixtures.example("diamond"),
                "--handlers", Fixtures.exampleHandlers(), "--context", "{\"even_number\": 2}", "--output", "json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode document = onlyDocument(run.out());
        assertThat(fieldNames(document)).containsExactly("task_id", "namespace", "name", "version", "status", "steps");
        assertThat(document.get("namespace").asText()).isEqualTo("examples");
        assertThat(document.get("name").asText()).isEqualTo("diamond_workflow");
        assertThat(document.get("version").asText()).isEqualTo("1.0.0");
        assertThat(document.get("status").asText()).isEqualTo("complete");
        JsonNode last = document.get("steps").get(3);
        assertThat(fieldNames(last)).containsExactly("name", "status", "attempts", "results", "error");
        assertThat(last.get("name").asText()).isEqualTo("diamond_end");
        assertThat(last.get("attempts").asInt()).isEqualTo(1);
        assertThat(last.get("results").get("result").asLong()).isEqualTo(65536);
        assertThat(last.get("error").isNull()).isTrue();
    }

    @Test
    void reads_the_context_from_a_file(TestDatabase database) {
        CommandOutcome run = Tasker.run(Fixtures.environmentFor(database), "run", Fixtures.example("linear"),
                "--handlers", Fixtures.exampleHandlers(), "--context-file", Fixtures.context("even_number_2.json"));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).containsPattern("linear_step_4\\s+complete\\s+1\\s+\\{\"result\":65536}");
    }

    @Test
    void shortens_wide_results_in_the_text_report_but_keeps_them_whole_in_json(TestDatabase database) throws Exception {
        CommandOutcome text = Tasker.run(Fixtures.environmentFor(database), "run", Fixtures.template("large_result.yaml"));
        CommandOutcome json = Tasker.run(Fixtures.environmentFor(database), "run", Fixtures.template("large_result.yaml"),
                "--output", "json");

        assertThat(text.exitCode()).as(text.toString()).isZero();
        String row = text.out().lines().filter(line -> line.startsWith("  count ")).findFirst().orElseThrow();
        assertThat(row).containsPattern("\\{\"numbers\":\\[1,2,3,.*\\.\\.\\. \\(\\d+ chars\\)$").hasSizeLessThan(140);
        JsonNode numbers = onlyDocument(json.out()).get("steps").get(0).get("results").get("numbers");
        assertThat(numbers).hasSize(CountingHandler.COUNT);
    }

    @Test
    void exits_with_1_when_the_task_ends_in_error_and_shows_the_failed_step(TestDatabase database) throws Exception {
        CommandOutcome text = Tasker.run(Fixtures.environmentFor(database), "run", Fixtures.template("failing.yaml"),
                "--handlers", Fixtures.exampleHandlers(), "--context", "{\"even_number\": 2}");
        CommandOutcome json = Tasker.run(Fixtures.environmentFor(database), "run", Fixtures.template("failing.yaml"),
                "--handlers", Fixtures.exampleHandlers(), "--context", "{\"even_number\": 2}", "--output", "json");

        assertThat(text.exitCode()).as(text.toString()).isEqualTo(1);
        assertThat(text.out()).containsPattern("Task \\d+ cli_tests\\.failing_workflow@1\\.0\\.0: error");
        assertThat(text.out()).containsPattern("refuse\\s+error\\s+1");
        assertThat(text.out()).contains("error: ").contains(RefusingHandler.MESSAGE);
        assertThat(text.out()).containsPattern("never_reached\\s+pending\\s+0");
        assertThat(json.exitCode()).as(json.toString()).isEqualTo(1);
        JsonNode refused = onlyDocument(json.out()).get("steps").get(1);
        assertThat(refused.get("status").asText()).isEqualTo("error");
        assertThat(refused.get("error").asText()).contains(RefusingHandler.MESSAGE);
    }

    @ParameterizedTest
    @CsvSource({
        "throws.yaml, IllegalStateException",
        "returns_unstorable.yaml, Thread"})
    void exits_with_1_and_shows_why_when_a_handler_misbehaves(String template, String named, TestDatabase database)
            throws Exception {
        CommandOutcome run = Tasker.run(Fixtures.environmentFor(database), "run", Fixtures.template(template),
                "--output", "json");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        JsonNode step = onlyDocument(run.out()).get("steps").get(0);
        assertThat(step.get("status").asText()).isEqualTo("error");
        assertThat(step.get("error").asText()).contains(named);
    }

    @Test
    void rerunning_with_the_same_idempotency_key_resumes_the_same_task(TestDatabase database) throws Exception {
        String[] args = {"run", Fixtures.example("linear"), "--handlers", Fixtures.exampleHandlers(),
            "--context", "{\"even_number\": 2}", "--idempotency-key", "nightly-2024-06-01", "--output", "json"};

        CommandOutcome first = Tasker.run(Fixtures.environmentFor(database), args);
        CommandOutcome second = Tasker.run(Fixtures.environmentFor(database), args);
        CommandOutcome other = Tasker.run(Fixtures.environmentFor(database), "run", Fixtures.example("linear"),
                "--handlers", Fixtures.exampleHandlers(), "--context", "{\"even_number\": 2}", "--output", "json");

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(second.exitCode()).as(second.toString()).isZero();
        long taskId = onlyDocument(first.out()).get("task_id").asLong();
        assertThat(onlyDocument(second.out()).get("task_id").asLong()).isEqualTo(taskId);
        assertThat(onlyDocument(second.out()).get("steps").get(0).get("attempts").asInt()).isEqualTo(1);
        assertThat(onlyDocument(other.out()).get("task_id").asLong()).isNotEqualTo(taskId);
    }

    @Test
    void says_in_text_output_that_a_rerun_resumed_an_existing_task(TestDatabase database) {
        String[] args = {"run", Fixtures.example("linear"), "--handlers", Fixtures.exampleHandlers(),
            "--context", "{\"even_number\": 2}", "--idempotency-key", "resume-me"};

        Tasker.run(Fixtures.environmentFor(database), args);
        CommandOutcome rerun = Tasker.run(Fixtures.environmentFor(database), args);

        assertThat(rerun.exitCode()).as(rerun.toString()).isZero();
        assertThat(rerun.out()).contains("complete (resumed: the idempotency key names this existing task)");
    }

    @Test
    void takes_the_database_from_the_database_url_flag_over_the_environment(TestDatabase database) {
        String url = database.jdbcUrl() + "?user=" + database.username() + "&password=" + database.password();

        CommandOutcome run = Tasker.run(Fixtures.unreachableDatabase(), "run", Fixtures.example("linear"),
                "--handlers", Fixtures.exampleHandlers(), "--context", "{\"even_number\": 2}", "--database-url", url,
                "--initiator", "cli-test", "--source-system", "ci", "--reason", "coverage", "--tag", "a", "--tag", "b");

        assertThat(run.exitCode()).as(run.toString()).isZero();
    }

    private static JsonNode onlyDocument(String stdout) throws Exception {
        List<JsonNode> documents = new ArrayList<>();
        JSON.readerFor(JsonNode.class).<JsonNode>readValues(stdout).forEachRemaining(documents::add);
        assertThat(documents).as("JSON documents on stdout: %s", stdout).hasSize(1);
        return documents.getFirst();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
