package io.tasker.cli.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.tasker.cli.worker.TaskQueue.StepTally;
import io.tasker.testkit.TaskerDatabaseExtension;
import io.tasker.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4: a worker paused (SIGSTOP) past its lease, then resumed (SIGCONT). Another worker reclaims its tasks and
 * completes them; the paused worker's steps finish after it resumes, and their late completions are refused by
 * the fencing token: counted, logged, never applied — every step has exactly one {@code complete} transition.
 */
@ExtendWith(TaskerDatabaseExtension.class)
class PausedWorkerIT {
    private static final int TASKS = 3;

    @Test
    @Timeout(420)
    void a_worker_paused_past_its_lease_has_its_late_completions_refused(TestDatabase db, @TempDir Path folder)
            throws Exception {
        Path template = Files.writeString(folder.resolve("long.yaml"), ProofTemplates.template("long",
                ProofTemplates.step("long_step", List.of(), "{sleep_ms: 2000}"),
                ProofTemplates.step("after", List.of("long_step"), "{}")));
        Map<String, String> environment = new HashMap<>(
                WorkerProcesses.databaseEnvironment(db.jdbcUrl(), db.username(), db.password()));
        environment.put("TASKER_WORKER_LEASE_SECONDS", "3");
        environment.put("TASKER_WORKER_HEARTBEAT_SECONDS", "1");
        try (TaskQueue queue = new TaskQueue(db.dataSource(), template);
             WorkerProcesses processes = new WorkerProcesses("PausedWorkerIT", environment)) {
            long began = System.nanoTime();
            WorkerProcess paused = processes.start("paused", Map.of(), "--templates", template.toString());
            queue.submit(ProofTemplates.NAMESPACE, "long", TASKS, i -> Map.of("i", i));
            TaskQueue.await("long steps in progress", () -> queue.stepsIn("in_progress"), TASKS, Duration.ofSeconds(120),
                    () -> queue.tasksByState().toString());
            assertThat(queue.holders()).isEqualTo(Map.of(paused.workerId(), (long) TASKS));

            paused.pause();
            WorkerProcess other = processes.start("other", Map.of(), "--templates", template.toString());
            // The other worker claims the tasks once their leases expire and records the paused attempts as abandoned.
            TaskQueue.await("paused attempts recorded as abandoned", () -> queue.count(
                    "SELECT count(*) FROM tasker_workflow_step_transitions WHERE to_state = 'error'"), TASKS,
                    Duration.ofSeconds(120), () -> queue.tasksByState() + "\n" + other.output());
            // The paused worker's handlers slept 2 s of wall-clock time: resumed, they end at once, and the worker
            // tries to store their outcomes under leases that moved on (the tasks wait out Tasker's 2 s failure
            // window now, so the resumed worker cannot have claimed them again first).
            paused.resume();

            TaskQueue.await("tasks complete", () -> queue.tasksIn("complete"), TASKS, Duration.ofSeconds(120),
                    () -> queue.tasksByState() + "\n" + other.output() + "\n" + paused.output());
            TaskQueue.await("late writes refused", () -> paused.stderr().lines()
                    .filter(l -> l.contains("refused a late write for task")).count(), 1, Duration.ofSeconds(120),
                    paused::output);
            paused.terminate();
            other.terminate();
            assertThat(paused.awaitExit(Duration.ofSeconds(120))).as(paused.output()).isZero();
            assertThat(other.awaitExit(Duration.ofSeconds(120))).as(other.output()).isZero();
            long stalledMs = MachineStalls.get().longestSinceMillis(began);
            System.out.printf("[figures] PausedWorkerIT: paused worker %s, resumed: %s%s%n", paused.stopSummary(),
                    paused.stderr().lines().filter(l -> l.contains("refused a late write")).toList(),
                    MachineStalls.get().note(began));

            assertThat(paused.stopSummary().lateWritesRefused()).as("late writes refused by the fencing token")
                    .isGreaterThanOrEqualTo(1);
            assertThat(queue.tasksByState()).isEqualTo(Map.of("complete", (long) TASKS));
            List<StepTally> steps = queue.steps();
            assertThat(steps).allSatisfy(step -> assertThat(step.completions()).as("complete transitions of %s", step)
                    .isEqualTo(1));
            if (stalledMs == 0) {
                // On a starved machine the other worker's own leases may lapse too, adding attempts; not so here.
                assertThat(steps).filteredOn(step -> step.name().equals("long_step")).allSatisfy(step -> {
                    assertThat(step.attempts()).as("the abandoned attempt and the one that completed, of %s", step)
                            .isEqualTo(2);
                    assertThat(step.errors()).as("error transitions of %s", step).isEqualTo(1);
                });
                assertThat(other.stopSummary().lateWritesRefused()).isZero();
            }
            assertThat(queue.count("SELECT count(*) FROM tasker_workflow_steps WHERE results->>'attempt' = '1'"
                    + " AND named_step_id = (SELECT named_step_id FROM tasker_named_steps WHERE name = 'long_step')"))
                    .as("long steps whose stored results are those of the paused (first) attempt").isZero();
        }
    }
}
