package io.tasker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tasker.testkit.TaskerDatabaseExtension;
import io.tasker.testkit.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TaskerDatabaseExtension.class)
class DbCommandTest {

    @Test
    void status_names_the_database_without_its_password_and_reports_an_up_to_date_schema(TestDatabase database) {
        CommandOutcome status = Tasker.run(Fixtures.environmentFor(database), "db", "status");

        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.out()).containsPattern("Database: +PostgreSQL [\\d.]+ at \\Q" + database.jdbcUrl() + "\\E\n")
                .containsPattern("Schema version: +\\d+ \\(\\d+ migrations applied\\)")
                .contains("Pending migrations: none, the schema is up to date")
                .doesNotContain(database.password());
    }

    @Test
    void migrate_applies_the_pending_migrations_of_an_empty_database_once(TestDatabase database) throws SQLException {
        String empty = "cli_empty_" + ProcessHandle.current().pid();
        execute(database, "create database " + empty);
        try {
            Map<String, String> environment = Map.of("TASKER_DATABASE_USERNAME", database.username(),
                    "TASKER_DATABASE_PASSWORD", database.password(), "TASKER_DATABASE_URL", sibling(database, empty));

            CommandOutcome before = Tasker.run(environment, "db", "status");
            CommandOutcome migrate = Tasker.run(environment, "db", "migrate");
            CommandOutcome again = Tasker.run(environment, "db", "migrate");

            assertThat(before.exitCode()).as(before.toString()).isZero();
            assertThat(before.out()).contains("Schema version:     none (empty schema) (0 migrations applied)")
                    .containsPattern("Pending migrations: \\d+ \\(apply them with 'tasker db migrate'\\)");
            assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
            assertThat(migrate.out()).containsPattern("^Applied \\d+ migrations\\.\n")
                    .contains("Pending migrations: none, the schema is up to date");
            assertThat(again.out()).startsWith("Nothing to migrate.\n");
        } finally {
            execute(database, "drop database " + empty + " with (force)");
        }
    }

    @Test
    void stop_says_so_when_no_embedded_server_runs_on_the_configured_folder(@TempDir Path folder) throws IOException {
        Path config = configWithEmbeddedData(folder);

        CommandOutcome stop = Tasker.run(Map.of(), "db", "stop", "--config", config.toString());

        assertThat(stop.exitCode()).as(stop.toString()).isZero();
        assertThat(stop.out()).isEqualTo("No embedded PostgreSQL is running with data in " + folder.resolve("pgdata")
                + "; nothing to stop.\n");
    }

    @Test
    void status_starts_the_embedded_server_and_names_its_port_and_folder_and_stop_stops_it(@TempDir Path folder)
            throws IOException {
        Path config = configWithEmbeddedData(folder);
        Path data = folder.resolve("pgdata");

        CommandOutcome status;
        CommandOutcome stop;
        try {
            status = Tasker.run(Map.of(), "db", "status", "--config", config.toString());
        } finally {
            stop = Tasker.run(Map.of(), "db", "stop", "--config", config.toString());
        }

        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.out())
                .containsPattern("Database: +PostgreSQL [\\d.]+, embedded PostgreSQL on 127\\.0\\.0\\.1:\\d+ "
                        + ".*data in \\Q" + data + "\\E\n")
                .containsPattern("Pending migrations: \\d+ \\(apply them with 'tasker db migrate'\\)");
        assertThat(stop.exitCode()).as(stop.toString()).isZero();
        assertThat(stop.out()).isEqualTo("Stopped the embedded PostgreSQL with data in " + data + ".\n");
    }

    @Test
    void db_alone_lists_its_commands_and_exits_with_2() {
        CommandOutcome db = Tasker.run(Map.of(), "db");

        assertThat(db.exitCode()).isEqualTo(2);
        assertThat(db.err()).contains("migrate").contains("status").contains("stop");
    }

    /** A user file that moves the embedded data folder into {@code folder}, with fsync off as tests need no durability. */
    private static Path configWithEmbeddedData(Path folder) throws IOException {
        return Files.writeString(folder.resolve("tasker.yaml"), """
                database:
                  embedded_data_directory: %s
                  embedded_fsync: false
                """.formatted(folder.resolve("pgdata")));
    }

    private static String sibling(TestDatabase database, String name) {
        String url = database.jdbcUrl();
        return url.substring(0, url.lastIndexOf('/') + 1) + name;
    }

    private static void execute(TestDatabase database, String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
