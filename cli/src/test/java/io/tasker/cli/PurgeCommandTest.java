package io.tasker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tasker.testkit.TaskerDatabaseExtension;
import io.tasker.testkit.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Finished tasks purged by age through the CLI; tasks are aged by moving their transition times back. */
@ExtendWith(TaskerDatabaseExtension.class)
class PurgeCommandTest {

    /** Two old complete tasks, an old cancelled one, an old one in error, an old pending one and a recent complete one. */
    private record Tasks(List<Long> oldFinished, long oldError, long oldPending, long recentComplete) {
    }

    private static Tasks tasks(TestDatabase database) throws Exception {
        long complete1 = run(database, Fixtures.example("linear"), 0);
        long complete2 = run(database, Fixtures.example("diamond"), 0);
        long cancelled = submit(database);
        Tasker.run(Fixtures.environmentFor(database), "cancel", String.valueOf(cancelled));
        long error = run(database, Fixtures.template("failing.yaml"), 1);
        long pending = submit(database);
        long recent = run(database, Fixtures.example("linear"), 0);
        for (long old : List.of(complete1, complete2, cancelled, error, pending)) {
            Rows.age(database, old, 40);
        }
        Rows.age(database, recent, 20);
        return new Tasks(List.of(complete1, complete2, cancelled), error, pending, recent);
    }

    @Test
    void deletes_old_finished_tasks_and_reports_the_rows_per_table(TestDatabase database) throws Exception {
        Tasks tasks = tasks(database);
        long steps = Rows.count(database, "SELECT count(*) FROM tasker_workflow_steps WHERE task_id = ANY (?)",
                (Object) tasks.oldFinished().toArray(Long[]::new));

        CommandOutcome purge = Tasker.run(Fixtures.environmentFor(database), "purge", "--older-than", "30d");

        assertThat(purge.exitCode()).as(purge.toString()).isZero();
        assertThat(purge.out()).startsWith("Deleted 3 tasks (complete, cancelled, resolved_manually) whose last"
                + " transition is older than 30d (before ").contains(", in 1 batch:\n")
                .containsPattern("\n  tasker_tasks +3\n")
                .containsPattern("\n  tasker_workflow_steps +" + steps + "\n")
                .contains("tasker_workflow_step_edges").contains("tasker_workflow_step_transitions")
                .contains("tasker_task_transitions").contains("tasker_task_annotations");
        assertThat(remaining(database)).containsExactly(tasks.oldError(), tasks.oldPending(), tasks.recentComplete());
        assertThat(Rows.count(database, "SELECT count(*) FROM tasker_workflow_steps WHERE task_id = ANY (?)",
                (Object) tasks.oldFinished().toArray(Long[]::new))).isZero();
        assertThat(Tasker.run(Fixtures.environmentFor(database), "status", String.valueOf(tasks.recentComplete()))
                .exitCode()).isZero();
    }

    @Test
    void includes_tasks_in_error_and_works_in_batches_when_asked(TestDatabase database) throws Exception {
        Tasks tasks = tasks(database);

        CommandOutcome purge = Tasker.run(Fixtures.environmentFor(database), "purge", "--older-than", "30d",
                "--include-error", "--batch-size", "1", "--output", "json");

        assertThat(purge.exitCode()).as(purge.toString()).isZero();
        JsonNode report = Rows.onlyDocument(purge.out());
        assertThat(Rows.fieldNames(report)).containsExactly("dry_run", "archive", "older_than", "cutoff", "states",
                "batches", "counts");
        assertThat(report.get("batches").asInt()).isEqualTo(4);
        assertThat(report.get("counts").get("tasker_tasks").asInt()).isEqualTo(4);
        assertThat(report.get("states").toString()).isEqualTo("[\"complete\",\"error\",\"cancelled\",\"resolved_manually\"]");
        assertThat(remaining(database)).containsExactly(tasks.oldPending(), tasks.recentComplete());
    }

    @Test
    void archives_into_the_archive_tables_when_asked(TestDatabase database) throws Exception {
        Tasks tasks = tasks(database);
        long transitions = Rows.count(database, "SELECT count(*) FROM tasker_task_transitions WHERE task_id = ANY (?)",
                (Object) tasks.oldFinished().toArray(Long[]::new));

        CommandOutcome purge = Tasker.run(Fixtures.environmentFor(database), "purge", "--older-than", "30d", "--archive");

        assertThat(purge.exitCode()).as(purge.toString()).isZero();
        assertThat(purge.out()).startsWith("Archived 3 tasks");
        assertThat(Rows.strings(database, "SELECT task_id FROM tasker_archived_tasks ORDER BY task_id"))
                .containsExactlyElementsOf(tasks.oldFinished().stream().map(String::valueOf).toList());
        assertThat(Rows.count(database, "SELECT count(*) FROM tasker_archived_task_transitions")).isEqualTo(transitions);
        assertThat(remaining(database)).containsExactly(tasks.oldError(), tasks.oldPending(), tasks.recentComplete());
    }

    @Test
    void a_dry_run_reports_the_counts_and_changes_nothing(TestDatabase database) throws Exception {
        tasks(database);

        CommandOutcome dryRun = Tasker.run(Fixtures.environmentFor(database), "purge", "--older-than", "30d", "--dry-run",
                "--output", "json");
        CommandOutcome text = Tasker.run(Fixtures.environmentFor(database), "purge", "--older-than", "30d", "--dry-run");

        assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
        JsonNode report = Rows.onlyDocument(dryRun.out());
        assertThat(report.get("dry_run").asBoolean()).isTrue();
        assertThat(report.get("counts").get("tasker_tasks").asInt()).isEqualTo(3);
        assertThat(text.out()).startsWith("Would delete 3 tasks");
        assertThat(remaining(database)).hasSize(6);
    }

    @Test
    void a_shorter_age_reaches_recent_tasks_too(TestDatabase database) throws Exception {
        tasks(database);

        CommandOutcome purge = Tasker.run(Fixtures.environmentFor(database), "purge", "--older-than", "240h");

        assertThat(purge.out()).startsWith("Deleted 4 tasks");
    }

    @ParameterizedTest
    @ValueSource(strings = {"30", "30x", "d", "-5d", "0d", "1.5h"})
    void rejects_an_age_it_cannot_read_naming_the_format(String age) {
        CommandOutcome purge = Tasker.run(Fixtures.unreachableDatabase(), "purge", "--older-than", age);

        assertThat(purge.exitCode()).as(purge.toString()).isEqualTo(2);
        assertThat(purge.err()).contains("tasker purge: Invalid value for option '--older-than': got '" + age
                + "', expected a positive whole number followed by d, h, m or s, such as 30d, 12h, 90m or 45s");
        assertThat(purge.out()).isEmpty();
    }

    @Test
    void requires_an_age_and_a_batch_size_in_range() {
        CommandOutcome noAge = Tasker.run(Fixtures.unreachableDatabase(), "purge");
        CommandOutcome batch = Tasker.run(Fixtures.unreachableDatabase(), "purge", "--older-than", "45s", "--batch-size", "0");

        assertThat(noAge.exitCode()).isEqualTo(2);
        assertThat(noAge.err()).contains("Missing required option: '--older-than=AGE'");
        assertThat(batch.exitCode()).isEqualTo(2);
        assertThat(batch.err()).contains("tasker purge: --batch-size: got 0, expected a number from 1 to 10000");
    }

    private static List<Long> remaining(TestDatabase database) {
        return Rows.strings(database, "SELECT task_id FROM tasker_tasks ORDER BY task_id").stream().map(Long::valueOf).toList();
    }

    private static long run(TestDatabase database, String template, int exitCode) throws Exception {
        CommandOutcome run = Tasker.run(Fixtures.environmentFor(database), "run", template, "--handlers",
                Fixtures.exampleHandlers(), "--context", "{\"even_number\": 2}", "--output", "json");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(exitCode);
        return Rows.onlyDocument(run.out()).get("task_id").asLong();
    }

    private static long submit(TestDatabase database) throws Exception {
        CommandOutcome submit = Tasker.run(Fixtures.environmentFor(database), "submit", Fixtures.example("linear"),
                "--context", "{\"even_number\": 2}", "--output", "json");
        return Rows.onlyDocument(submit.out()).get("task_id").asLong();
    }
}
