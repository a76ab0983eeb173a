package io.tasker.cli.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.tasker.testkit.TaskerDatabaseExtension;
import io.tasker.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4: a burst of 10,000 one-step tasks submitted at once to two running workers on this 2-core machine. The
 * queue drains, no task or step ends in error, and each worker's memory stays bounded (peak RSS, VmHWM): a
 * worker holds at most worker.max_owned_tasks tasks, whatever the size of the queue.
 */
@ExtendWith(TaskerDatabaseExtension.class)
class BurstIT {
    private static final int TASKS = 10_000;
    private static final long RSS_LIMIT_MB = 1024;

    @Test
    @Timeout(420)
    void two_workers_drain_a_burst_of_10000_tasks_with_bounded_memory(TestDatabase db, @TempDir Path folder)
            throws Exception {
        Path template = Files.writeString(folder.resolve("one_step.yaml"),
                ProofTemplates.template("one_step", ProofTemplates.step("only", List.of(), "{}")));
        try (TaskQueue queue = new TaskQueue(db.dataSource(), template);
             WorkerProcesses processes = new WorkerProcesses("BurstIT", ThreeWorkersDrainIT.environment(db))) {
            List<WorkerProcess> workers = processes.start(2, "--templates", template.toString());

            long start = System.nanoTime();
            queue.submit(ProofTemplates.NAMESPACE, "one_step", TASKS, i -> Map.of("i", i));
            long submitted = System.nanoTime();
            TaskQueue.await("tasks complete", () -> queue.tasksIn("complete"), TASKS, Duration.ofSeconds(180),
                    () -> queue.tasksByState() + "\n" + workers.getFirst().output());
            long drained = System.nanoTime();

            List<Long> rssMb = workers.stream().map(WorkerProcess::peakRssMb).toList();
            workers.forEach(WorkerProcess::terminate);
            for (WorkerProcess worker : workers) {
                assertThat(worker.awaitExit(Duration.ofSeconds(120))).as(worker.output()).isZero();
            }
            double seconds = (drained - start) / 1e9;
            System.out.printf("[figures] BurstIT: %d one-step tasks drained by 2 workers in %.2f s from the first submit"
                    + " (submitting took %.2f s, in transactions of 1,000): %.0f tasks/s; tasks claimed per worker %s;"
                    + " peak RSS (VmHWM) per worker %s MiB%s%n", TASKS, seconds, (submitted - start) / 1e9,
                    TASKS / seconds, workers.stream().map(w -> w.stopSummary().claimedTasks()).toList(), rssMb,
                    MachineStalls.get().note(start));

            assertThat(queue.tasksByState()).isEqualTo(Map.of("complete", (long) TASKS));
            assertThat(queue.count("SELECT count(*) FROM tasker_workflow_step_transitions WHERE to_state = 'error'"))
                    .as("failed attempts").isZero();
            assertThat(queue.count("SELECT count(*) FROM tasker_workflow_step_transitions WHERE to_state = 'complete'"))
                    .isEqualTo(TASKS);
            assertThat(workers).allSatisfy(w -> assertThat(w.stopSummary().claimedTasks()).as("tasks claimed by %s", w)
                    .isPositive());
            assertThat(rssMb).as("peak RSS of each worker, MiB").allSatisfy(mb -> assertThat(mb).isBetween(1L, RSS_LIMIT_MB));
        }
    }
}
