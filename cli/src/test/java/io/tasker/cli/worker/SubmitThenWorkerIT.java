package io.tasker.cli.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tasker.cli.TaskerCli;
import io.tasker.examples.square.SquareHandler;
import io.tasker.testkit.TaskerDatabaseExtension;
import io.tasker.testkit.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The operator's path end to end: `tasker submit` queues a task of the diamond example and an idle `tasker worker`
 * process runs it. The worker's fallback poll is a minute, so only the NOTIFY sent with the submit can get the
 * task done within the test's bound.
 */
@ExtendWith(TaskerDatabaseExtension.class)
class SubmitThenWorkerIT {
    private static final Path DIAMOND = Path.of("..", "examples", "diamond", "diamond.yaml").toAbsolutePath().normalize();

    @Test
    @Timeout(300)
    void a_task_submitted_with_tasker_submit_is_run_by_an_idle_worker_woken_by_the_notification(TestDatabase db)
            throws Exception {
        Map<String, String> environment = WorkerProcesses.databaseEnvironment(db.jdbcUrl(), db.username(), db.password());
        try (WorkerProcesses processes = new WorkerProcesses("SubmitThenWorkerIT", environment)) {
            WorkerProcess worker = processes.start("worker", Map.of("TASKER_WORKER_POLL_INTERVAL_MS", "60000"),
                    "--handlers", exampleHandlers());

            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int submitted = TaskerCli.execute(new PrintWriter(out), new PrintWriter(err), environment, "submit",
                    DIAMOND.toString(), "--context", "{\"even_number\": 2}", "--output", "json");
            assertThat(submitted).as(out + "\n" + err).isZero();
            JsonNode created = new ObjectMapper().readTree(out.toString());
            long taskId = created.get("task_id").asLong();

            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!complete(db, taskId) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(complete(db, taskId)).as("task %d complete within 20 s\n%s", taskId, worker.output()).isTrue();
            assertThat(lastResult(db, taskId)).isEqualTo("{\"result\": 65536}");

            worker.terminate();
            assertThat(worker.awaitExit(Duration.ofSeconds(120))).as(worker.output()).isZero();
            assertThat(worker.stopSummary().claimedTasks()).isEqualTo(1);
        }
    }

    private static String exampleHandlers() throws Exception {
        return Path.of(SquareHandler.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    private static boolean complete(TestDatabase db, long taskId) throws Exception {
        return "true".equals(query(db, "SELECT complete::text FROM tasker_tasks WHERE task_id = ?", taskId));
    }

    private static String lastResult(TestDatabase db, long taskId) throws Exception {
        return query(db, """
                SELECT ws.results::text FROM tasker_workflow_steps ws
                  JOIN tasker_named_steps ns ON ns.named_step_id = ws.named_step_id
                 WHERE ws.task_id = ? AND ns.name = 'diamond_end'""", taskId);
    }

    private static String query(TestDatabase db, String sql, long taskId) throws Exception {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, taskId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }
}
