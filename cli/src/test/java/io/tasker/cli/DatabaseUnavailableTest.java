package io.tasker.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A database nobody listens on: exit code 3, fast, naming the database but never its password. */
class DatabaseUnavailableTest {

    private static final int UNAVAILABLE = 3;
    /**
     * A closed port refuses at once, so the command takes about as long as starting it (1-2 s on a busy 2-core
     * machine); a pool that retries until its timeout (HikariCP's default is 30 s or more) blows this bound.
     */
    private static final Duration FAST = Duration.ofSeconds(8);

    @Test
    void run_exits_with_3_within_seconds_naming_the_url_without_its_password() {
        CommandOutcome run = assertTimeoutPreemptively(FAST, () -> Tasker.run(Map.of(), "run", Fixtures.example("linear"),
                "--handlers", Fixtures.exampleHandlers(), "--context", "{\"even_number\": 2}",
                "--database-url", Fixtures.UNREACHABLE_URL + "?user=tasker&password=hunter2"));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(UNAVAILABLE);
        assertThat(run.err()).contains("tasker run: ").contains(Fixtures.UNREACHABLE_URL).doesNotContain("hunter2");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void run_hides_the_password_of_a_libpq_url_from_the_environment() {
        CommandOutcome run = assertTimeoutPreemptively(FAST, () -> Tasker.run(
                Map.of("TASKER_DATABASE_URL", "postgres://tasker:hunter2@127.0.0.1:1/none"), "run", Fixtures.example("linear"),
                "--handlers", Fixtures.exampleHandlers(), "--context", "{\"even_number\": 2}"));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(UNAVAILABLE);
        assertThat(run.err()).contains("postgres://tasker@127.0.0.1:1/none").doesNotContain("hunter2");
    }

    @Test
    void db_status_exits_with_3_naming_the_url() {
        CommandOutcome status = assertTimeoutPreemptively(FAST, () -> Tasker.run(Map.of(), "db", "status",
                "--database-url", Fixtures.UNREACHABLE_URL));

        assertThat(status.exitCode()).as(status.toString()).isEqualTo(UNAVAILABLE);
        assertThat(status.err()).contains("tasker db status: ").contains(Fixtures.UNREACHABLE_URL);
    }

    @Test
    void db_migrate_exits_with_3_naming_the_url() {
        CommandOutcome migrate = assertTimeoutPreemptively(FAST,
                () -> Tasker.run(Fixtures.unreachableDatabase(), "db", "migrate"));

        assertThat(migrate.exitCode()).as(migrate.toString()).isEqualTo(UNAVAILABLE);
        assertThat(migrate.err()).contains("tasker db migrate: ").contains(Fixtures.UNREACHABLE_URL);
    }
}
