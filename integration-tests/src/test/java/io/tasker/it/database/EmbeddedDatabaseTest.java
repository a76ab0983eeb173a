package io.tasker.it.database;

import static io.tasker.it.database.OpenEmbeddedDatabase.durableConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tasker.core.database.Database;
import io.tasker.core.database.DatabaseUnavailableException;
import io.tasker.core.database.EmbeddedPostgres;
import io.tasker.core.database.EmbeddedServer;
import io.tasker.core.database.MigrationStatus;
import io.tasker.it.database.ChildJvm.OpenedServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.io.TempDir;

/** The project-local server: durable, detached, found again by later runs, shared by concurrent ones. */
@Timeout(value = 180, threadMode = ThreadMode.SEPARATE_THREAD)
class EmbeddedDatabaseTest {

    static final List<String> TASKER_TABLES = List.of(
            "tasker_annotation_types", "tasker_dependent_system_object_maps", "tasker_dependent_systems",
            "tasker_named_steps", "tasker_named_tasks", "tasker_named_tasks_named_steps", "tasker_task_annotations",
            "tasker_task_namespaces", "tasker_task_transitions", "tasker_tasks", "tasker_workflow_step_edges",
            "tasker_workflow_step_transitions", "tasker_workflow_steps",
            "tasker_archived_tasks", "tasker_archived_workflow_steps", "tasker_archived_workflow_step_edges",
            "tasker_archived_task_transitions", "tasker_archived_workflow_step_transitions",
            "tasker_archived_task_annotations");

    @TempDir
    Path projectDirectory;

    Path dataDirectory() {
        return projectDirectory.resolve(".tasker/pgdata");
    }

    @AfterEach
    void stopTheServer() {
        EmbeddedPostgres.stop(dataDirectory());
    }

    @Test
    void a_first_connect_creates_a_durable_server_and_migrate_creates_every_table_of_the_schema() {
        try (Database database = Database.connect(durableConfig(dataDirectory().toString()))) {
            MigrationStatus before = database.migrations().status();
            MigrationStatus after = database.migrations().migrate();

            assertThat(before.appliedCount()).isZero();
            assertThat(before.pendingCount()).isPositive();
            assertThat(before.currentVersion()).isNull();
            assertThat(after.pendingCount()).isZero();
            assertThat(after.currentVersion()).isEqualTo("003");
            assertThat(after.embedded()).isTrue();
            assertThat(Queries.column(database.dataSource(), "public_tables.sql"))
                    .containsAll(TASKER_TABLES).contains("flyway_schema_history");
            assertThat(Queries.column(database.dataSource(), "current_setting.sql", "fsync")).containsExactly("on");
            assertThat(Queries.column(database.dataSource(), "current_setting.sql", "synchronous_commit")).containsExactly("on");
            assertThat(Queries.column(database.dataSource(), "current_setting.sql", "listen_addresses")).containsExactly("127.0.0.1");
            assertThat(database.describe()).contains(dataDirectory().toString()).contains("127.0.0.1:").contains("PostgreSQL 17");
        }
        assertThat(dataDirectory().resolve("PG_VERSION")).exists();
    }

    @Test
    void a_server_started_by_one_process_outlives_it_and_the_next_processes_reuse_it() {
        OpenedServer first = ChildJvm.openEmbeddedDatabase(dataDirectory(), "written_by_the_first_process").awaitResult();
        OpenedServer second = ChildJvm.openEmbeddedDatabase(dataDirectory()).awaitResult();

        assertThat(first.reused()).isFalse();
        assertThat(second.reused()).isTrue();
        assertThat(second.startTime()).isEqualTo(first.startTime());
        try (Database database = Database.open(durableConfig(dataDirectory().toString()))) {
            assertThat(database.describe()).contains("already running").contains(":" + first.port() + " ");
            assertThat(Queries.column(database.dataSource(), "namespace_names.sql")).contains("written_by_the_first_process");
        }
    }

    @Test
    void two_processes_starting_at_once_share_one_server() {
        ChildJvm one = ChildJvm.openEmbeddedDatabase(dataDirectory());
        ChildJvm other = ChildJvm.openEmbeddedDatabase(dataDirectory());

        OpenedServer fromOne = one.awaitResult();
        OpenedServer fromOther = other.awaitResult();

        assertThat(fromOne.startTime()).isEqualTo(fromOther.startTime());
        assertThat(fromOne.port()).isEqualTo(fromOther.port());
        assertThat(List.of(fromOne.reused(), fromOther.reused())).containsExactlyInAnyOrder(true, false);
    }

    @Test
    void a_crashed_server_leaves_a_stale_pid_file_that_the_next_start_replaces_keeping_committed_data() throws Exception {
        EmbeddedServer crashed = EmbeddedPostgres.start(dataDirectory(), true);
        try (Database database = Database.open(durableConfig(dataDirectory().toString()))) {
            Queries.update(database.dataSource(), "insert_namespace.sql", "committed_before_the_crash");
        }
        killWithItsChildren(crashed.pid());
        pointPidFileAt(ProcessHandle.current().pid());

        EmbeddedServer restarted = EmbeddedPostgres.start(dataDirectory(), true);

        assertThat(restarted.reused()).isFalse();
        assertThat(restarted.pid()).isNotEqualTo(crashed.pid());
        try (Database database = Database.open(durableConfig(dataDirectory().toString()))) {
            assertThat(Queries.column(database.dataSource(), "namespace_names.sql")).contains("committed_before_the_crash");
        }
    }

    @Test
    void stop_shuts_the_server_down_and_says_whether_one_was_running() {
        EmbeddedServer server = EmbeddedPostgres.start(dataDirectory(), true);

        assertThat(EmbeddedPostgres.find(dataDirectory())).map(EmbeddedServer::pid).contains(server.pid());
        assertThat(EmbeddedPostgres.stop(dataDirectory())).isTrue();
        assertThat(EmbeddedPostgres.find(dataDirectory())).isEmpty();
        assertThat(EmbeddedPostgres.stop(dataDirectory())).isFalse();
        assertThat(dataDirectory().resolve("postmaster.pid")).doesNotExist();
        assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password()))
                .isInstanceOf(SQLException.class);
    }

    @Test
    void nothing_is_found_or_stopped_where_no_data_directory_exists() {
        assertThat(EmbeddedPostgres.find(dataDirectory())).isEqualTo(Optional.empty());
        assertThat(EmbeddedPostgres.stop(dataDirectory())).isFalse();
        assertThat(dataDirectory()).doesNotExist();
    }

    @Test
    void refuses_a_data_directory_that_holds_other_files() throws IOException {
        Files.createDirectories(dataDirectory());
        Files.writeString(dataDirectory().resolve("notes.txt"), "not a database");

        assertThatThrownBy(() -> EmbeddedPostgres.start(dataDirectory(), true))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining(dataDirectory().toString())
                .hasMessageContaining("neither empty nor a PostgreSQL data directory");
    }

    @Test
    void a_server_that_cannot_start_fails_at_once_quoting_its_log() throws IOException {
        EmbeddedPostgres.start(dataDirectory(), true);
        EmbeddedPostgres.stop(dataDirectory());
        Files.writeString(dataDirectory().resolve("postgresql.conf"), "\nshared_buffers = 'plenty'\n", StandardOpenOption.APPEND);

        assertThatThrownBy(() -> EmbeddedPostgres.start(dataDirectory(), true))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("failed to start")
                .hasMessageContaining("shared_buffers")
                .hasMessageContaining(dataDirectory().toString());
    }

    /** As a power cut or the OOM killer would: no shutdown, only what reached the disk survives. */
    private static void killWithItsChildren(long postmasterPid) {
        ProcessHandle postmaster = ProcessHandle.of(postmasterPid).orElseThrow();
        postmaster.children().forEach(ProcessHandle::destroyForcibly);
        postmaster.destroyForcibly();
    }

    /** After a reboot the pid in the file may belong to any process: here, to this JVM. */
    private void pointPidFileAt(long unrelatedPid) throws IOException {
        Path pidFile = dataDirectory().resolve("postmaster.pid");
        List<String> lines = Files.readAllLines(pidFile);
        lines.set(0, Long.toString(unrelatedPid));
        Files.write(pidFile, lines);
    }
}
