package io.tasker.cli.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.tasker.cli.worker.TaskQueue.StepTally;
import io.tasker.cli.worker.TaskQueue.Transition;
import io.tasker.testkit.TaskerDatabaseExtension;
import io.tasker.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4: {@code kill -9} of a worker in the middle of long steps. The survivor reclaims every task of the dead
 * worker once its leases expire, counts the attempts that died with it as failed, runs them again and completes the
 * tasks; the time from the kill to the reclaim is bounded by the lease, and to the steps running again by the lease
 * plus Tasker's failure window before a second attempt.
 */
@ExtendWith(TaskerDatabaseExtension.class)
class KilledWorkerIT {
    /** 3 s here; {@code -Dtasker.proofs.lease_seconds=10} measures recovery with the default lease. */
    private static final int LEASE_SECONDS = Integer.getInteger("tasker.proofs.lease_seconds", 3);
    private static final int HEARTBEAT_SECONDS = LEASE_SECONDS >= 4 ? 2 : 1;
    private static final int TASKS = 6;
    /**
     * Before its second attempt a step waits out both of Tasker's windows: the backoff from the start of the failed
     * attempt (default_backoff_seconds[0] = 1 s, long past here) and the failure window, 2^attempts = 2 s from the
     * failure, which is the reclaim.
     */
    private static final Duration FAILURE_WINDOW = Duration.ofSeconds(2);
    /** Polling (50 ms), a busy shared machine. */
    private static final Duration MARGIN = Duration.ofSeconds(2);

    @Test
    @Timeout(420)
    void the_steps_of_a_killed_worker_are_reclaimed_within_its_lease_and_their_tasks_complete(TestDatabase db,
            @TempDir Path folder) throws Exception {
        Path template = Files.writeString(folder.resolve("long.yaml"), ProofTemplates.template("long",
                ProofTemplates.step("long_step", List.of(), "{sleep_ms: 3000}"),
                ProofTemplates.step("after", List.of("long_step"), "{}")));
        Map<String, String> environment = new java.util.HashMap<>(
                WorkerProcesses.databaseEnvironment(db.jdbcUrl(), db.username(), db.password()));
        environment.put("TASKER_WORKER_LEASE_SECONDS", Integer.toString(LEASE_SECONDS));
        environment.put("TASKER_WORKER_HEARTBEAT_SECONDS", Integer.toString(HEARTBEAT_SECONDS));
        try (TaskQueue queue = new TaskQueue(db.dataSource(), template);
             WorkerProcesses processes = new WorkerProcesses("KilledWorkerIT", environment)) {
            long began = System.nanoTime();
            List<WorkerProcess> workers = processes.start(2, "--templates", template.toString());
            queue.submit(ProofTemplates.NAMESPACE, "long", TASKS, i -> Map.of("i", i));
            TaskQueue.await("long steps in progress", () -> queue.stepsIn("in_progress"), TASKS, Duration.ofSeconds(120),
                    () -> queue.tasksByState().toString());

            Map<String, Long> holders = queue.holders();
            WorkerProcess victim = workers.stream()
                    .max(Comparator.comparing(w -> holders.getOrDefault(w.workerId(), 0L))).orElseThrow();
            WorkerProcess survivor = workers.stream().filter(w -> w != victim).findFirst().orElseThrow();
            List<Long> orphaned = queue.tasksHeldBy(victim.workerId());
            Instant killedAt = Instant.now();
            victim.kill();
            assertThat(victim.awaitExit(Duration.ofSeconds(120))).as("exit status of a process killed by SIGKILL")
                    .isEqualTo(128 + 9);

            TaskQueue.await("tasks complete", () -> queue.tasksIn("complete"), TASKS, Duration.ofSeconds(120),
                    () -> queue.tasksByState() + "\n" + survivor.output());

            List<Transition> transitions = queue.transitionsOf(orphaned);
            Instant reclaimed = transitions.stream().filter(t -> t.toState().equals("error"))
                    .map(Transition::at).min(Comparator.naturalOrder()).orElseThrow();
            // Per abandoned step, when it started again: its first in_progress transition after the kill.
            Set<Long> abandoned = transitions.stream().filter(t -> t.toState().equals("error"))
                    .map(Transition::stepId).collect(Collectors.toSet());
            Map<Long, Instant> restarts = transitions.stream()
                    .filter(t -> t.toState().equals("in_progress") && abandoned.contains(t.stepId())
                            && t.at().isAfter(killedAt))
                    .collect(Collectors.toMap(Transition::stepId, Transition::at, (a, b) -> a.isBefore(b) ? a : b));
            Duration toReclaim = Duration.between(killedAt, reclaimed);
            Duration toFirstRestart = Duration.between(killedAt, Collections.min(restarts.values()));
            Duration toLastRestart = Duration.between(killedAt, Collections.max(restarts.values()));
            survivor.terminate();
            assertThat(survivor.awaitExit(Duration.ofSeconds(120))).as(survivor.output()).isZero();
            long stalledMs = MachineStalls.get().longestSinceMillis(began);
            System.out.printf("[figures] KilledWorkerIT: lease %d s, heartbeat %d s: kill -9 of a worker holding %d of"
                    + " %d tasks (long steps of 3 s in flight); reclaimed (abandoned attempts recorded) %d ms after the"
                    + " kill, first step running again after %d ms, all %d after %d ms%s%n", LEASE_SECONDS, HEARTBEAT_SECONDS,
                    orphaned.size(), TASKS, toReclaim.toMillis(), toFirstRestart.toMillis(), restarts.size(),
                    toLastRestart.toMillis(), stalledMs == 0 ? "" : " (the machine stalled for up to " + stalledMs
                            + " ms meanwhile: timing bounds not checked)");

            assertThat(orphaned).as("tasks the killed worker held").isNotEmpty();
            assertThat(queue.tasksByState()).isEqualTo(Map.of("complete", (long) TASKS));
            List<StepTally> steps = queue.steps();
            assertThat(steps).allSatisfy(step -> assertThat(step.completions()).as("complete transitions of %s", step)
                    .isEqualTo(1));
            List<StepTally> orphanedLongSteps = steps.stream()
                    .filter(step -> step.name().equals("long_step") && orphaned.contains(step.taskId())).toList();
            assertThat(orphanedLongSteps).as("long steps of the killed worker: abandoned, then run again")
                    .hasSize(orphaned.size()).allSatisfy(step -> {
                        assertThat(step.attempts()).as("attempts of %s", step).isGreaterThanOrEqualTo(2);
                        assertThat(step.errors()).as("failed attempts of %s", step).isGreaterThanOrEqualTo(1);
                        assertThat(restarts).as("started again after the kill").containsKey(step.stepId());
                    });
            assertThat(queue.transitionsOf(queue.taskIds())).filteredOn(t -> t.toState().equals("error"))
                    .as("the only failures are abandoned attempts").allSatisfy(t ->
                            assertThat(t.metadata()).contains("Tasker::AbandonedAttempt"));
            if (stalledMs == 0) {
                assertThat(steps).filteredOn(step -> step.name().equals("long_step")).allSatisfy(step -> {
                    boolean wasOrphaned = orphaned.contains(step.taskId());
                    assertThat(step.attempts()).as("attempts of %s", step).isEqualTo(wasOrphaned ? 2 : 1);
                    assertThat(step.errors()).as("failed attempts of %s", step).isEqualTo(wasOrphaned ? 1 : 0);
                });
                assertThat(toReclaim).as("kill to reclaim, bounded by the lease")
                        .isLessThanOrEqualTo(Duration.ofSeconds(LEASE_SECONDS).plus(MARGIN));
                assertThat(toFirstRestart).as("kill to the first orphaned step running again: lease + failure window")
                        .isLessThanOrEqualTo(Duration.ofSeconds(LEASE_SECONDS).plus(FAILURE_WINDOW).plus(MARGIN));
                assertThat(survivor.stopSummary().lateWritesRefused()).isZero();
            }
        }
    }
}
