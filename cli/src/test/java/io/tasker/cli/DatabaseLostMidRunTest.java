package io.tasker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tasker.testkit.TaskerDatabaseExtension;
import io.tasker.testkit.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database goes away while a step runs: exit code 3, the step completed before stays stored, and a rerun
 * with the idempotency key finishes the same task.
 */
@ExtendWith(TaskerDatabaseExtension.class)
class DatabaseLostMidRunTest {

    @Test
    void exits_with_3_keeps_what_was_committed_and_resumes_the_same_task_with_its_idempotency_key(
            TestDatabase database, @TempDir Path folder) throws Exception {
        String name = database.jdbcUrl().substring(database.jdbcUrl().lastIndexOf('/') + 1);
        String template = cuttingTemplate(folder, database, name).toString();
        Map<String, String> environment = new HashMap<>(Fixtures.environmentFor(database));
        environment.put("TASKER_DATABASE_CONNECT_TIMEOUT_SECONDS", "1");
        String[] args = {"run", template, "--handlers", Fixtures.exampleHandlers(), "--context", "{\"even_number\": 2}",
            "--idempotency-key", "survives-a-failover", "--output", "json"};

        CommandOutcome lost = Tasker.run(environment, args);
        allowConnections(database, name);
        CommandOutcome resumed = Tasker.run(environment, args);

        assertThat(lost.exitCode()).as(lost.toString()).isEqualTo(3);
        assertThat(lost.err()).contains("the database " + database.jdbcUrl() + " is unavailable")
                .contains("run the same command again to resume it").doesNotContain(database.password());
        assertThat(lost.out()).isEmpty();
        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        JsonNode steps = new ObjectMapper().readTree(resumed.out()).get("steps");
        assertThat(steps.get(0).get("attempts").asInt()).as("the step committed before the loss ran once").isEqualTo(1);
        assertThat(steps.get(1).get("attempts").asInt()).as("the interrupted attempt counts as failed").isEqualTo(2);
        assertThat(steps.get(2).get("results").get("result").asLong()).isEqualTo(4);
        assertThat(taskCount(database)).isEqualTo(1);
    }

    private static Path cuttingTemplate(Path folder, TestDatabase database, String name) throws IOException {
        return Files.writeString(folder.resolve("cut_off.yaml"), """
                name: cut_off
                namespace_name: cli_tests
                version: 1.0.0
                step_templates:
                  - name: before_the_loss
                    handler_class: io.tasker.examples.square.SquareHandler
                  - name: loses_the_database
                    depends_on_step: before_the_loss
                    handler_class: io.tasker.cli.DatabaseCuttingHandler
                    handler_config:
                      admin_url: "%s"
                      user: "%s"
                      password: "%s"
                      database: "%s"
                  - name: after_the_loss
                    depends_on_step: loses_the_database
                    handler_class: io.tasker.examples.square.SquareHandler
                """.formatted(maintenanceUrl(database), database.username(), database.password(), name));
    }

    private static void allowConnections(TestDatabase database, String name) throws SQLException {
        try (Connection admin = DriverManager.getConnection(maintenanceUrl(database), database.username(),
                database.password());
             Statement statement = admin.createStatement()) {
            statement.execute("alter database \"" + name + "\" allow_connections true");
        }
    }

    private static long taskCount(TestDatabase database) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("select count(*) from tasker_tasks")) {
            count.next();
            return count.getLong(1);
        }
    }

    private static String maintenanceUrl(TestDatabase database) {
        String url = database.jdbcUrl();
        return url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
    }
}
