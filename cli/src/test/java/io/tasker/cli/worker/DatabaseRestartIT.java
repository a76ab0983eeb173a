package io.tasker.cli.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.tasker.cli.worker.TaskQueue.StepTally;
import io.tasker.core.database.DataSources;
import io.tasker.testkit.RestartableTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4: PostgreSQL restarted under two running workers (stopped, then started again on the same data directory
 * and port). The workers survive it — they reconnect and resume — the run completes after the database is back,
 * and nothing that was committed before is lost: no completed step runs again, every step completes once.
 */
class DatabaseRestartIT {
    private static final int TASKS = 300;
    private static final Duration DOWN = Duration.ofSeconds(2);

    @Test
    @Timeout(420)
    void workers_survive_a_postgresql_restart_and_the_run_completes(@TempDir Path folder) throws Exception {
        // Retries to spare: an outage abandons every attempt in flight, and on a starved machine (MachineStalls)
        // leases may lapse more than once; what is tested here is that the run survives and completes.
        String retries = "default_retry_limit: 10";
        Path template = Files.writeString(folder.resolve("diamond.yaml"), ProofTemplates.template("slow_diamond",
                ProofTemplates.step("top", List.of(), "{sleep_ms: 100}", retries),
                ProofTemplates.step("left", List.of("top"), "{sleep_ms: 100}", retries),
                ProofTemplates.step("right", List.of("top"), "{sleep_ms: 100}", retries),
                ProofTemplates.step("bottom", List.of("left", "right"), "{sleep_ms: 100}", retries)));
        try (RestartableTestServer server = RestartableTestServer.start(folder);
             HikariDataSource pool = DataSources.create(server.config(4));
             TaskQueue queue = new TaskQueue(pool, template);
             WorkerProcesses processes = new WorkerProcesses("DatabaseRestartIT", environment(server))) {
            long began = System.nanoTime();
            List<WorkerProcess> workers = processes.start(2, "--templates", template.toString());
            queue.submit(ProofTemplates.NAMESPACE, "slow_diamond", TASKS, i -> Map.of("i", i));
            TaskQueue.await("tasks complete before the restart", () -> queue.tasksIn("complete"), TASKS / 5,
                    Duration.ofSeconds(120), () -> queue.tasksByState().toString());

            List<Long> completedBefore = completeTransitions(queue);
            long downAt = System.nanoTime();
            server.stop();
            Thread.sleep(DOWN.toMillis());
            server.restart();
            long upAt = System.nanoTime();
            assertThat(workers).as("workers alive while the database was down").allMatch(WorkerProcess::isAlive);

            TaskQueue.await("tasks complete", () -> queue.tasksIn("complete"), TASKS, Duration.ofSeconds(120),
                    () -> queue.tasksByState() + "\n" + workers.getFirst().output());
            long doneAt = System.nanoTime();
            assertThat(workers).as("workers alive after the run").allMatch(WorkerProcess::isAlive);
            workers.forEach(WorkerProcess::terminate);
            for (WorkerProcess worker : workers) {
                assertThat(worker.awaitExit(Duration.ofSeconds(120))).as(worker.output()).isZero();
            }

            List<StepTally> steps = queue.steps();
            long rerun = steps.stream().filter(s -> s.attempts() > 1).count();
            System.out.printf("[figures] DatabaseRestartIT: %d of %d tasks complete (%d steps) when PostgreSQL stopped;"
                    + " down %d ms (stop + %d ms + start); run complete %d ms after it was back; %d step(s) interrupted"
                    + " and run again; tasks claimed per worker %s%s%n", TASKS / 5, TASKS, completedBefore.size(),
                    (upAt - downAt) / 1_000_000, DOWN.toMillis(), (doneAt - upAt) / 1_000_000, rerun,
                    workers.stream().map(w -> w.stopSummary().claimedTasks()).toList(),
                    MachineStalls.get().note(began));

            assertThat(queue.tasksByState()).isEqualTo(Map.of("complete", (long) TASKS));
            assertThat(steps).hasSize(TASKS * 4).allSatisfy(step -> assertThat(step.completions())
                    .as("complete transitions of %s", step).isEqualTo(1));
            // With one complete transition per step, a step completed before the restart never completed again.
            assertThat(completeTransitions(queue)).as("complete transitions committed before the restart, still there")
                    .containsAll(completedBefore);
        }
    }

    private static Map<String, String> environment(RestartableTestServer server) {
        Map<String, String> environment = new HashMap<>(
                WorkerProcesses.databaseEnvironment(server.jdbcUrl(), server.username(), server.password()));
        environment.put("TASKER_WORKER_LEASE_SECONDS", "4");
        environment.put("TASKER_WORKER_HEARTBEAT_SECONDS", "1");
        environment.put("TASKER_DATABASE_CONNECT_TIMEOUT_SECONDS", "2");
        return environment;
    }

    private static List<Long> completeTransitions(TaskQueue queue) {
        List<Long> ids = new ArrayList<>();
        queue.query("SELECT workflow_step_transition_id FROM tasker_workflow_step_transitions WHERE to_state = 'complete'",
                List.of(), row -> ids.add(row.getLong(1)));
        return ids;
    }
}
