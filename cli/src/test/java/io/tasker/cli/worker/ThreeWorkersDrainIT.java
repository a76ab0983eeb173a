package io.tasker.cli.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.tasker.cli.worker.TaskQueue.StepTally;
import io.tasker.cli.worker.WorkerProcess.StopSummary;
import io.tasker.testkit.TaskerDatabaseExtension;
import io.tasker.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4's first proof: three worker processes drain 2,000 diamond tasks (8,000 steps, a no-op Java handler). Every
 * task completes, every step was claimed once and completed once, and ran in exactly one process, once (each
 * execution is written down by the handler, in the process that ran it); every worker took a share; all stop with
 * exit 0 on SIGTERM.
 */
@ExtendWith(TaskerDatabaseExtension.class)
class ThreeWorkersDrainIT {
    private static final int TASKS = 2_000;
    private static final int STEPS = TASKS * 4;

    @Test
    @Timeout(420)
    void three_workers_drain_2000_diamond_tasks_and_run_every_step_exactly_once(TestDatabase db, @TempDir Path folder)
            throws Exception {
        Path runs = Files.createDirectories(folder.resolve("runs"));
        Path template = Files.writeString(folder.resolve("diamond.yaml"), ProofTemplates.diamond(runs));
        try (TaskQueue queue = new TaskQueue(db.dataSource(), template);
             WorkerProcesses processes = new WorkerProcesses("ThreeWorkersDrainIT", environment(db))) {
            List<WorkerProcess> workers = processes.start(3, "--templates", template.toString());

            long start = System.nanoTime();
            queue.submit("proofs", "diamond", TASKS, i -> Map.of("i", i));
            long submitted = System.nanoTime();
            TaskQueue.await("tasks complete", () -> queue.tasksIn("complete"), TASKS, Duration.ofSeconds(180),
                    () -> queue.tasksByState() + "\n" + workers.getLast().output());
            long drained = System.nanoTime();

            List<Long> rssMb = workers.stream().map(WorkerProcess::peakRssMb).toList();
            workers.forEach(WorkerProcess::terminate);
            for (WorkerProcess worker : workers) {
                assertThat(worker.awaitExit(Duration.ofSeconds(120))).as(worker.output()).isZero();
            }
            List<StopSummary> summaries = workers.stream().map(WorkerProcess::stopSummary).toList();
            Map<Long, List<String[]>> executions = executions(runs);
            Map<String, Long> executionsByPid = executions.values().stream().flatMap(List::stream)
                    .collect(Collectors.groupingBy(run -> run[3], TreeMap::new, Collectors.counting()));
            List<StepTally> steps = queue.steps();

            double seconds = (drained - start) / 1e9;
            System.out.printf("[figures] ThreeWorkersDrainIT: %d diamond tasks (%d steps) drained by 3 workers in %.2f s"
                    + " from the first submit (submitting took %.2f s): %.0f tasks/s, %.0f steps/s; tasks claimed per"
                    + " worker %s; steps run per worker process %s; peak RSS per worker %s MiB%s%n",
                    TASKS, STEPS, seconds, (submitted - start) / 1e9, TASKS / seconds, STEPS / seconds,
                    summaries.stream().map(StopSummary::claimedTasks).toList(), executionsByPid.values(), rssMb,
                    MachineStalls.get().note(start));

            assertThat(queue.tasksByState()).isEqualTo(Map.of("complete", (long) TASKS));
            assertThat(steps).hasSize(STEPS);
            assertThat(steps).as("every step moved to in_progress once and to complete once, and was attempted once")
                    .allSatisfy(step -> {
                        assertThat(step.starts()).as("in_progress transitions of %s", step).isEqualTo(1);
                        assertThat(step.completions()).as("complete transitions of %s", step).isEqualTo(1);
                        assertThat(step.errors()).as("error transitions of %s", step).isZero();
                        assertThat(step.attempts()).as("attempts of %s", step).isEqualTo(1);
                    });
            assertThat(executions).as("steps executed").hasSize(STEPS);
            assertThat(executions.values()).as("every step ran once, in one process").allSatisfy(runsOfStep ->
                    assertThat(runsOfStep).hasSize(1));
            assertThat(executionsByPid).as("steps run per process").hasSize(3)
                    .containsOnlyKeys(workers.stream().map(w -> Long.toString(w.pid())).toList());
            assertThat(summaries).as("each worker claimed some tasks and had nothing refused").allSatisfy(s -> {
                assertThat(s.claimedTasks()).isPositive();
                assertThat(s.lateWritesRefused()).isZero();
            });
            assertThat(summaries.stream().mapToLong(StopSummary::claimedTasks).sum()).isGreaterThanOrEqualTo(TASKS);
            assertThat(queue.count("SELECT count(*) FROM tasker_tasks WHERE claimed_by IS NOT NULL OR next_run_at IS NOT NULL"))
                    .as("finished tasks hold no lease and are not queued").isZero();
        }
    }

    /**
     * Leases far longer than any stall of this shared machine (see {@link MachineStalls}): no lease may expire here,
     * so every step must run exactly once.
     */
    static Map<String, String> environment(TestDatabase db) {
        Map<String, String> environment = new java.util.HashMap<>(
                WorkerProcesses.databaseEnvironment(db.jdbcUrl(), db.username(), db.password()));
        environment.put("TASKER_WORKER_LEASE_SECONDS", "300");
        environment.put("TASKER_WORKER_HEARTBEAT_SECONDS", "10");
        return environment;
    }

    /** The handler's execution records of all processes, by step id: {step, task, attempt, pid, start, end}. */
    private static Map<Long, List<String[]>> executions(Path runs) throws Exception {
        List<String[]> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(runs)) {
            for (Path file : files.toList()) {
                Files.readAllLines(file).stream().map(line -> line.split(" ")).forEach(all::add);
            }
        }
        return all.stream().collect(Collectors.groupingBy(run -> Long.parseLong(run[0]), TreeMap::new,
                Collectors.mapping(Function.identity(), Collectors.toList())));
    }
}
