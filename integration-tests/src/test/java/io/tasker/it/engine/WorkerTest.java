package io.tasker.it.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tasker.core.config.BackoffConfig;
import io.tasker.core.config.EngineConfig;
import io.tasker.core.config.ExecutionConfig;
import io.tasker.core.config.TaskerConfig;
import io.tasker.core.config.WorkerConfig;
import io.tasker.core.engine.Actor;
import io.tasker.core.engine.LeaseLostException;
import io.tasker.core.engine.TaskLeasedException;
import io.tasker.core.engine.TaskRequest;
import io.tasker.core.engine.TaskResult;
import io.tasker.core.engine.TaskerEngine;
import io.tasker.core.engine.Worker;
import io.tasker.core.template.TaskTemplate;
import io.tasker.core.template.TemplateLoader;
import io.tasker.it.engine.handlers.HeldOnce;
import io.tasker.it.engine.handlers.Noop;
import io.tasker.testkit.TaskerDatabaseExtension;
import io.tasker.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Several engines on one database, as several worker processes would be (the process-level proofs are in
 * the CLI's worker tests): claims, leases, fencing of late writes, reclaim, release at stop.
 */
@ExtendWith(TaskerDatabaseExtension.class)
class WorkerTest {
    private static final String DIAMOND = """
            name: diamond
            namespace_name: work
            version: 1.0.0
            step_templates:
              - name: top
                handler_class: %1$s
              - name: left
                handler_class: %1$s
                depends_on_step: top
              - name: right
                handler_class: %1$s
                depends_on_step: top
              - name: bottom
                handler_class: %1$s
                depends_on_steps: [left, right]
            """.formatted(Noop.class.getName());

    private static final String HELD = """
            name: held
            namespace_name: work
            version: 1.0.0
            step_templates:
              - name: long_step
                handler_class: %s
                default_retry_limit: 3
              - name: after
                handler_class: %s
                depends_on_step: long_step
            """.formatted(HeldOnce.class.getName(), Noop.class.getName());

    @Test
    void two_workers_drain_the_queue_and_every_step_completes_exactly_once(TestDatabase db) throws Exception {
        try (TaskerEngine a = engine(db, "worker-a", 2); TaskerEngine b = engine(db, "worker-b", 2)) {
            TaskTemplate template = register(a, DIAMOND);
            register(b, DIAMOND);
            List<TaskRequest> requests = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                requests.add(TaskRequest.of("work", "diamond", "1.0.0", Map.of("i", i)));
            }
            a.submitTasks(requests);
            Worker first = a.startWorker(null);
            Worker second = b.startWorker(List.of("work"));

            awaitCount(db, "SELECT count(*) FROM tasker_tasks WHERE complete", 300);

            assertThat(first.claimedTasks() + second.claimedTasks()).isGreaterThanOrEqualTo(300);
            assertThat(count(db, """
                    SELECT count(*) FROM (SELECT workflow_step_id FROM tasker_workflow_step_transitions
                                           WHERE to_state = 'complete' GROUP BY workflow_step_id HAVING count(*) = 1) s
                    """)).isEqualTo(1200);
            assertThat(count(db, "SELECT count(*) FROM tasker_workflow_step_transitions WHERE to_state = 'complete'"))
                    .isEqualTo(1200);
            assertThat(count(db, "SELECT count(*) FROM tasker_tasks WHERE claimed_by IS NOT NULL OR next_run_at IS NOT NULL"))
                    .as("finished tasks hold no lease and are not queued").isZero();
            assertThat(template.name()).isEqualTo("diamond");
        }
    }

    private static final String RETRIED = """
            name: retried
            namespace_name: work
            version: 1.0.0
            step_templates:
              - name: flaky
                handler_class: %s
                default_retry_limit: 3
            """.formatted(io.tasker.it.engine.handlers.FailFirstTime.class.getName());

    private static final String SEEN = """
            name: seen
            namespace_name: work
            version: 1.0.0
            step_templates:
              - name: first
                handler_class: %1$s
              - name: second
                handler_class: %1$s
                depends_on_step: first
            """.formatted(io.tasker.it.engine.handlers.SeesItself.class.getName());

    @Test
    void a_task_read_by_the_claim_from_the_queue_runs_with_its_context_and_states(TestDatabase db) throws Exception {
        // The worker's claim statement reads the task and its steps. The first step starts in the cycle of the claim,
        // before that cycle's write commits; the second after a write committed. Both handlers must see the same:
        // the context, and the task and their step in progress in their first attempt, as a step and in the sequence.
        try (TaskerEngine a = engine(db, "worker-a", 10)) {
            register(a, SEEN);
            long taskId = a.submitTask(TaskRequest.of("work", "seen", "1.0.0", Map.of("order", 7))).taskId();
            a.startWorker(null);
            awaitCount(db, "SELECT count(*) FROM tasker_tasks WHERE complete AND task_id = " + taskId, 1);

            TaskResult done = a.status(taskId);
            Map<String, Object> expected = Map.of("task_status", "in_progress", "status", "in_progress", "attempts", 1L,
                    "sequence_status", "in_progress", "sequence_attempts", 1L, "context", Map.of("order", 7L));
            assertThat(done.step("first").results()).isEqualTo(expected);
            assertThat(done.step("second").results()).isEqualTo(expected);
            assertThat(stepStates(db, taskId, "first")).containsExactly("pending", "in_progress", "complete");
            assertThat(stepStates(db, taskId, "second")).containsExactly("pending", "in_progress", "complete");
        }
    }

    @Test
    void an_idle_worker_is_woken_by_a_notification_for_new_and_for_delayed_work(TestDatabase db) throws Exception {
        // The fallback poll is a minute: only LISTEN/NOTIFY (new task) and the due time it carries (the retry) can
        // get these tasks done within seconds.
        try (TaskerEngine a = engine(db, "listening", 2, 60_000, List.of(2));
             TaskerEngine submitter = engine(db, "submitter", 2)) {
            register(a, DIAMOND);
            register(a, RETRIED);
            register(submitter, DIAMOND);
            register(submitter, RETRIED);
            Worker worker = a.startWorker(null, db.config());
            awaitIdle(worker);

            long diamond = submitter.submitTask(TaskRequest.of("work", "diamond", "1.0.0", Map.of())).taskId();
            awaitCount(db, "SELECT count(*) FROM tasker_tasks WHERE complete AND task_id = " + diamond, 1, 10);

            long retried = submitter.submitTask(TaskRequest.of("work", "retried", "1.0.0", Map.of())).taskId();
            awaitCount(db, "SELECT count(*) FROM tasker_tasks WHERE complete AND task_id = " + retried, 1, 10);
            TaskResult done = a.status(retried);
            assertThat(done.step("flaky").attempts()).as("failed once, then retried after its backoff").isEqualTo(2);
            assertThat(stepStates(db, retried, "flaky")).containsExactly("pending", "in_progress", "error", "pending",
                    "in_progress", "complete");
            assertThat(worker.claimedTasks()).isEqualTo(3);
        }
    }

    @Test
    void a_worker_only_claims_tasks_of_its_namespaces(TestDatabase db) throws Exception {
        try (TaskerEngine a = engine(db, "worker-a", 2)) {
            register(a, DIAMOND);
            long taskId = a.submitTask(TaskRequest.of("work", "diamond", "1.0.0", Map.of())).taskId();
            Worker other = a.startWorker(List.of("billing"));
            awaitIdle(other);
            assertThat(other.claimedTasks()).isZero();
            assertThat(a.status(taskId).status()).isEqualTo("pending");
        }
    }

    @Test
    void a_task_whose_lease_expired_is_reclaimed_and_the_late_completion_is_refused(TestDatabase db) throws Exception {
        HeldOnce.reset();
        try (TaskerEngine a = engine(db, "worker-a", 2); TaskerEngine b = engine(db, "worker-b", 2)) {
            register(a, HELD);
            register(b, HELD);
            long taskId = a.createTask(TaskRequest.of("work", "held", "1.0.0", Map.of())).taskId();
            CompletableFuture<TaskResult> stuck = a.run(taskId);
            HeldOnce.awaitEntered();
            assertThat(holder(db, taskId)).isEqualTo(a.workerId()).startsWith("worker-a");

            // Worker a stops renewing (as if paused): its lease runs out; worker b claims the task from the queue.
            execute(db, "UPDATE tasker_tasks SET next_run_at = now() - interval '1 second' WHERE task_id = " + taskId);
            b.startWorker(null);
            awaitCount(db, "SELECT count(*) FROM tasker_tasks WHERE complete AND task_id = " + taskId, 1);

            HeldOnce.release();
            assertThatThrownBy(() -> stuck.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(LeaseLostException.class);
            assertThat(a.staleWritesRefused()).isEqualTo(1);

            TaskResult done = b.status(taskId);
            assertThat(done.status()).isEqualTo("complete");
            assertThat(done.step("long_step").attempts()).as("the abandoned attempt and the one that completed")
                    .isEqualTo(2);
            assertThat(stepStates(db, taskId, "long_step"))
                    .containsExactly("pending", "in_progress", "error", "pending", "in_progress", "complete");
            assertThat(HeldOnce.calls()).isEqualTo(2);
        }
    }

    @Test
    void an_operator_takes_a_task_from_the_worker_running_it_whose_result_is_then_refused(TestDatabase db)
            throws Exception {
        HeldOnce.reset();
        try (TaskerEngine a = engine(db, "worker-a", 2); TaskerEngine operator = engine(db, "operator", 2)) {
            register(a, HELD);
            register(operator, HELD);
            long taskId = a.createTask(TaskRequest.of("work", "held", "1.0.0", Map.of())).taskId();
            CompletableFuture<TaskResult> running = a.run(taskId);
            HeldOnce.awaitEntered();

            assertThatThrownBy(() -> operator.run(taskId).get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(TaskLeasedException.class)
                    .hasMessageContaining("worker-a");
            TaskResult cancelled = operator.cancel(taskId, new Actor("ops@example", "customer asked"));
            assertThat(cancelled.status()).isEqualTo("cancelled");

            HeldOnce.release();
            assertThatThrownBy(() -> running.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(LeaseLostException.class);
            assertThat(stepStates(db, taskId, "long_step")).containsExactly("pending", "in_progress", "cancelled");
            assertThat(holder(db, taskId)).isNull();
        }
    }

    @Test
    void a_stopping_worker_hands_back_the_task_it_could_not_finish_and_another_completes_it(TestDatabase db)
            throws Exception {
        HeldOnce.reset();
        try (TaskerEngine a = engine(db, "worker-a", 2); TaskerEngine b = engine(db, "worker-b", 2)) {
            register(a, HELD);
            register(b, HELD);
            long taskId = a.submitTask(TaskRequest.of("work", "held", "1.0.0", Map.of())).taskId();
            Worker first = a.startWorker(null);
            HeldOnce.awaitEntered();

            first.stop(Duration.ofMillis(200));
            assertThat(holder(db, taskId)).isNull();
            b.startWorker(null);
            awaitCount(db, "SELECT count(*) FROM tasker_tasks WHERE complete AND task_id = " + taskId, 1);
            HeldOnce.release();
            assertThat(b.status(taskId).step("long_step").error()).isNull();
        }
    }

    @Test
    void racing_writers_of_one_step_leave_exactly_one_completion(TestDatabase db) throws Exception {
        // Each round: worker a runs the step and is held; an operator takes the task and cancels it (which moves
        // the step in flight to cancelled) while a's attempt finishes at the same moment. Whatever the interleaving, one of them moves the step out of
        // in_progress and the other is refused.
        for (int round = 0; round < 10; round++) {
            HeldOnce.reset();
            try (TaskerEngine a = engine(db, "worker-a-" + round, 2);
                 TaskerEngine operator = engine(db, "operator-" + round, 2)) {
                register(a, HELD);
                register(operator, HELD);
                long taskId = a.createTask(TaskRequest.of("work", "held", "1.0.0", Map.of())).taskId();
                CompletableFuture<TaskResult> running = a.run(taskId);
                HeldOnce.awaitEntered();
                CompletableFuture<TaskResult> resolved = CompletableFuture.supplyAsync(
                        () -> operator.cancel(taskId, new Actor("ops", "race")));
                HeldOnce.release();
                Object first = outcome(running);
                Object second = outcome(resolved);
                assertThat(count(db, """
                        SELECT count(*) FROM tasker_workflow_step_transitions t
                          JOIN tasker_workflow_steps ws ON ws.workflow_step_id = t.workflow_step_id
                          JOIN tasker_named_steps ns ON ns.named_step_id = ws.named_step_id
                         WHERE ws.task_id = %d AND ns.name = 'long_step' AND t.from_state = 'in_progress'
                        """.formatted(taskId))).as("round %d: %s / %s", round, first, second).isEqualTo(1);
            }
        }
    }

    private static Object outcome(CompletableFuture<TaskResult> future) {
        try {
            return future.get(30, TimeUnit.SECONDS).status();
        } catch (Exception e) {
            return e.getCause() == null ? e : e.getCause().getClass().getSimpleName();
        }
    }

    private static final java.util.concurrent.atomic.AtomicInteger ENGINES = new java.util.concurrent.atomic.AtomicInteger();

    /** Worker ids are unique per engine, as in production: a closed engine's leases count as free in its process. */
    private static TaskerEngine engine(TestDatabase db, String name, int leaseSeconds) {
        return engine(db, name, leaseSeconds, 50);
    }

    private static TaskerEngine engine(TestDatabase db, String name, int leaseSeconds, int pollMillis) {
        return engine(db, name, leaseSeconds, pollMillis, List.of(0, 1, 2));
    }

    private static TaskerEngine engine(TestDatabase db, String name, int leaseSeconds, int pollMillis,
                                       List<Integer> backoffSeconds) {
        String workerId = name + "-" + ENGINES.incrementAndGet();
        BackoffConfig backoff = new BackoffConfig(backoffSeconds, 300, 2.0, false, 0.1);
        TaskerConfig config = new TaskerConfig(backoff, new ExecutionConfig(4, 300, 512, 16 * 1024 * 1024, 2),
                null, new EngineConfig(EngineConfig.IdentityStrategy.DEFAULT, false), Map.of(),
                new WorkerConfig(leaseSeconds, 1, 16, 64, pollMillis, 5));
        return TaskerEngine.builder(db.dataSource(), config).workerId(workerId).build();
    }

    private static TaskTemplate register(TaskerEngine engine, String yaml) throws Exception {
        TaskTemplate template = new TemplateLoader("test").parse(yaml, "worker-test.yaml");
        engine.register(template);
        return template;
    }

    private static void awaitCount(TestDatabase db, String sql, long expected) throws InterruptedException {
        awaitCount(db, sql, expected, 60);
    }

    private static void awaitCount(TestDatabase db, String sql, long expected, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long seen = -1;
        while (System.nanoTime() < deadline) {
            seen = count(db, sql);
            if (seen == expected) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("waited " + seconds + " s for " + expected + " from " + sql + "; last saw " + seen);
    }

    /** Until the worker has looked at the queue, found nothing it may take, and waits. */
    private static void awaitIdle(Worker worker) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!worker.isIdle()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the worker did not go idle within 30 s");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
    }

    private static String holder(TestDatabase db, long taskId) {
        return strings(db, "SELECT claimed_by FROM tasker_tasks WHERE task_id = " + taskId).getFirst();
    }

    private static List<String> stepStates(TestDatabase db, long taskId, String step) {
        return strings(db, """
                SELECT t.to_state FROM tasker_workflow_step_transitions t
                  JOIN tasker_workflow_steps ws ON ws.workflow_step_id = t.workflow_step_id
                  JOIN tasker_named_steps ns ON ns.named_step_id = ws.named_step_id
                 WHERE ws.task_id = %d AND ns.name = '%s' ORDER BY t.sort_key""".formatted(taskId, step));
    }

    private static long count(TestDatabase db, String sql) {
        return Long.parseLong(strings(db, sql).getFirst());
    }

    private static void execute(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.execute();
        }
    }

    private static List<String> strings(TestDatabase db, String sql) {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet r = s.executeQuery()) {
            List<String> rows = new ArrayList<>();
            while (r.next()) {
                rows.add(r.getString(1));
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
