package io.tasker.it.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tasker.core.database.Jdbc;
import io.tasker.core.engine.Actor;
import io.tasker.core.maintenance.Purge;
import io.tasker.core.maintenance.PurgeCounts;
import io.tasker.core.maintenance.PurgeReport;
import io.tasker.core.maintenance.PurgeRequest;
import io.tasker.core.persistence.TaskAnnotationStore;
import io.tasker.core.template.TaskTemplate;
import io.tasker.it.engine.handlers.FailPermanently;
import io.tasker.it.engine.handlers.Noop;
import io.tasker.testkit.SettableClock;
import io.tasker.testkit.TaskerDatabaseExtension;
import io.tasker.testkit.TestDatabase;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Finished tasks purged or archived by age, in batches, with every row that belongs to them. */
@ExtendWith(TaskerDatabaseExtension.class)
class PurgeTest {
    private static final Duration THIRTY_DAYS = Duration.ofDays(30);
    /** The purge runs 40 days after the fixture's start: tasks finished then are old, those of day 35 are recent. */
    private static final SettableClock PURGE_CLOCK = new SettableClock(EngineFixture.START.plus(Duration.ofDays(40)));
    private static final Actor OPERATOR = new Actor("ops", "duplicate");

    private static String template(String firstHandler) {
        return """
                name: purged
                version: 1.0.0
                step_templates:
                  - name: charge
                    handler_class: %s
                  - name: ship
                    handler_class: %s
                    depends_on_step: charge
                """.formatted(firstHandler, Noop.class.getName());
    }

    /** Tasks of every kind, finished (or not) at the start, plus one finished 35 days later. */
    private record Tasks(long oldComplete, long oldCancelled, long oldError, long oldPending, long recentComplete) {
        List<Long> all() {
            return List.of(oldComplete, oldCancelled, oldError, oldPending, recentComplete);
        }
    }

    private static Tasks someOfEveryKind(EngineFixture fx) {
        TaskTemplate ok = fx.register(template(Noop.class.getName()));
        TaskTemplate failing = fx.register(template(FailPermanently.class.getName()).replace("name: purged", "name: failing"));
        TaskAnnotationStore annotations = new TaskAnnotationStore(new Jdbc(fx.db.dataSource()));
        annotations.typeId("audit", null);
        long oldComplete = fx.create(ok, Map.of("n", 1));
        fx.run(oldComplete);
        annotations.annotate(oldComplete, "audit", Map.of("by", "test"));
        long oldCancelled = fx.create(ok, Map.of("n", 2));
        fx.engine.cancel(oldCancelled, OPERATOR);
        long oldError = fx.create(failing, Map.of("n", 3));
        fx.run(oldError);
        long oldPending = fx.create(ok, Map.of("n", 4));
        fx.clock.advance(Duration.ofDays(35));
        long recentComplete = fx.create(ok, Map.of("n", 5));
        fx.run(recentComplete);
        annotations.annotate(recentComplete, "audit", Map.of("by", "test"));
        return new Tasks(oldComplete, oldCancelled, oldError, oldPending, recentComplete);
    }

    @Test
    void removes_old_complete_and_cancelled_tasks_with_all_their_rows_and_keeps_the_others(TestDatabase db) {
        try (EngineFixture fx = new EngineFixture(db)) {
            Tasks tasks = someOfEveryKind(fx);
            Map<String, Long> purgedRows = rows(fx, List.of(tasks.oldComplete(), tasks.oldCancelled()));
            Map<String, Long> keptRows = rows(fx, List.of(tasks.oldError(), tasks.oldPending(), tasks.recentComplete()));

            PurgeReport report = purge(db, PurgeRequest.olderThan(THIRTY_DAYS));

            assertThat(report.cutoff()).isEqualTo(EngineFixture.START.plus(Duration.ofDays(10)));
            assertThat(report.counts().byTable()).isEqualTo(purgedRows);
            assertThat(purgedRows.values()).allMatch(count -> count > 0);
            assertThat(rows(fx, List.of(tasks.oldComplete(), tasks.oldCancelled()))).allSatisfy((table, count) ->
                    assertThat(count).as(table).isZero());
            assertThat(rows(fx, List.of(tasks.oldError(), tasks.oldPending(), tasks.recentComplete())))
                    .isEqualTo(keptRows);
            assertThat(fx.run(tasks.recentComplete()).status()).isEqualTo("complete");
        }
    }

    @Test
    void includes_old_tasks_in_error_when_asked(TestDatabase db) {
        try (EngineFixture fx = new EngineFixture(db)) {
            Tasks tasks = someOfEveryKind(fx);

            PurgeReport report = purge(db, PurgeRequest.olderThan(THIRTY_DAYS).includingError());

            assertThat(report.counts().tasks()).isEqualTo(3);
            assertThat(fx.strings("SELECT task_id FROM tasker_tasks ORDER BY task_id")).containsExactly(
                    String.valueOf(tasks.oldPending()), String.valueOf(tasks.recentComplete()));
        }
    }

    @Test
    void works_in_batches_of_the_given_size_until_none_is_left(TestDatabase db) {
        try (EngineFixture fx = new EngineFixture(db)) {
            TaskTemplate ok = fx.register(template(Noop.class.getName()));
            for (int i = 0; i < 25; i++) {
                fx.engine.cancel(fx.create(ok, Map.of("n", i)), OPERATOR);
            }
            long live = fx.create(ok, Map.of("n", "live"));

            PurgeReport report = purge(db, PurgeRequest.olderThan(THIRTY_DAYS).inBatchesOf(4));

            assertThat(report.batches()).isEqualTo(7);
            assertThat(report.counts().tasks()).isEqualTo(25);
            assertThat(report.counts().of("tasker_workflow_steps")).isEqualTo(50);
            assertThat(report.counts().of("tasker_workflow_step_edges")).isEqualTo(25);
            assertThat(fx.strings("SELECT task_id FROM tasker_tasks")).containsExactly(String.valueOf(live));
        }
    }

    @Test
    void archive_moves_every_row_into_the_archive_tables_unchanged(TestDatabase db) {
        try (EngineFixture fx = new EngineFixture(db)) {
            Tasks tasks = someOfEveryKind(fx);
            List<Long> old = List.of(tasks.oldComplete(), tasks.oldCancelled());
            Map<String, Long> purgedRows = rows(fx, old);
            List<String> taskRows = fx.strings("SELECT t::text FROM tasker_tasks t WHERE task_id = ANY (?) ORDER BY task_id",
                    (Object) old.toArray(Long[]::new));
            List<String> stepTransitions = fx.strings("SELECT st::text FROM tasker_workflow_step_transitions st"
                    + " WHERE task_id = ANY (?) ORDER BY workflow_step_transition_id", (Object) old.toArray(Long[]::new));

            PurgeReport report = purge(db, PurgeRequest.olderThan(THIRTY_DAYS).archiving().inBatchesOf(1));

            assertThat(report.counts().byTable()).isEqualTo(purgedRows);
            assertThat(report.batches()).isEqualTo(2);
            assertThat(rows(fx, old)).allSatisfy((table, count) -> assertThat(count).as(table).isZero());
            assertThat(archivedRows(fx)).isEqualTo(purgedRows);
            assertThat(fx.strings("SELECT t::text FROM tasker_archived_tasks t ORDER BY task_id")).isEqualTo(taskRows);
            assertThat(fx.strings("SELECT st::text FROM tasker_archived_workflow_step_transitions st"
                    + " ORDER BY workflow_step_transition_id")).isEqualTo(stepTransitions);
        }
    }

    @Test
    void a_dry_run_counts_what_a_purge_would_remove_and_changes_nothing(TestDatabase db) {
        try (EngineFixture fx = new EngineFixture(db)) {
            Tasks tasks = someOfEveryKind(fx);
            Map<String, Long> before = rows(fx, tasks.all());

            PurgeReport dryRun = purge(db, PurgeRequest.olderThan(THIRTY_DAYS).archiving().dryRunning());

            assertThat(rows(fx, tasks.all())).isEqualTo(before);
            assertThat(archivedRows(fx).values()).allMatch(count -> count == 0);
            assertThat(dryRun.batches()).isZero();
            assertThat(dryRun.counts()).isEqualTo(purge(db, PurgeRequest.olderThan(THIRTY_DAYS)).counts());
        }
    }

    @Test
    void nothing_to_purge_takes_no_batch(TestDatabase db) {
        PurgeReport report = purge(db, PurgeRequest.olderThan(THIRTY_DAYS));

        assertThat(report.batches()).isZero();
        assertThat(report.counts()).isEqualTo(PurgeCounts.NONE);
    }

    private static PurgeReport purge(TestDatabase db, PurgeRequest request) {
        return new Purge(new Jdbc(db.dataSource()), PURGE_CLOCK).run(request);
    }

    /** The rows of these tasks in each table a purge touches, in the order of {@link PurgeCounts#TABLES}. */
    private static Map<String, Long> rows(EngineFixture fx, List<Long> taskIds) {
        Object ids = taskIds.toArray(Long[]::new);
        Map<String, Long> rows = new LinkedHashMap<>();
        rows.put("tasker_tasks", fx.count("SELECT count(*) FROM tasker_tasks WHERE task_id = ANY (?)", ids));
        rows.put("tasker_workflow_steps", fx.count("SELECT count(*) FROM tasker_workflow_steps WHERE task_id = ANY (?)", ids));
        rows.put("tasker_workflow_step_edges",
                fx.count("SELECT count(*) FROM tasker_workflow_step_edges WHERE task_id = ANY (?)", ids));
        rows.put("tasker_workflow_step_transitions", fx.count("SELECT count(*) FROM tasker_workflow_step_transitions"
                + " WHERE workflow_step_id IN (SELECT workflow_step_id FROM tasker_workflow_steps WHERE task_id = ANY (?))"
                + " OR task_id = ANY (?)", ids, ids));
        rows.put("tasker_task_transitions", fx.count("SELECT count(*) FROM tasker_task_transitions WHERE task_id = ANY (?)", ids));
        rows.put("tasker_task_annotations", fx.count("SELECT count(*) FROM tasker_task_annotations WHERE task_id = ANY (?)", ids));
        return rows;
    }

    private static Map<String, Long> archivedRows(EngineFixture fx) {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : PurgeCounts.TABLES) {
            rows.put(table, fx.count("SELECT count(*) FROM " + table.replace("tasker_", "tasker_archived_")));
        }
        return rows;
    }
}
