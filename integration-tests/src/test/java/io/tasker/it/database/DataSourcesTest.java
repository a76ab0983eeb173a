package io.tasker.it.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.zaxxer.hikari.HikariDataSource;
import io.tasker.core.config.DatabaseConfig;
import io.tasker.core.database.DataSources;
import io.tasker.core.database.Database;
import io.tasker.core.database.DatabaseUnavailableException;
import io.tasker.testkit.TaskerDatabaseExtension;
import io.tasker.testkit.TestDatabase;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TaskerDatabaseExtension.class)
class DataSourcesTest {

    /** Generous for a refused connection, which fails in milliseconds; far below a pool's default 30 s. */
    private static final Duration FAST = Duration.ofSeconds(10);

    @Test
    void a_database_that_is_down_fails_fast_naming_the_url_but_not_the_password() throws IOException {
        String url = "postgres://worker:s3cret-pw@127.0.0.1:" + portNobodyListensOn() + "/tasker";

        DatabaseUnavailableException failure = assertTimeoutPreemptively(FAST, () -> catchUnavailable(config(url, 5)));

        assertThat(failure.getMessage())
                .contains("postgres://worker@127.0.0.1:")
                .contains("/tasker")
                .contains("refused")
                .doesNotContain("s3cret-pw");
    }

    @Test
    void opening_a_database_that_is_down_fails_the_same_way() throws IOException {
        String url = "jdbc:postgresql://127.0.0.1:" + portNobodyListensOn() + "/tasker?user=worker&password=s3cret-pw";

        assertThatThrownBy(() -> assertTimeoutPreemptively(FAST, () -> Database.open(config(url, 5))))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("jdbc:postgresql://127.0.0.1:")
                .hasMessageNotContaining("s3cret-pw");
    }

    @Test
    void a_wrong_password_is_reported_as_unavailable_with_the_servers_reason(TestDatabase database) {
        DatabaseConfig wrongPassword = new DatabaseConfig(database.jdbcUrl(), database.username(), "not-the-password",
                2, 5, 0, null, false);

        assertThatThrownBy(() -> DataSources.create(wrongPassword))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining(database.jdbcUrl())
                .hasMessageContaining("password authentication failed")
                .hasMessageNotContaining("not-the-password");
    }

    @Test
    void pool_size_and_statement_timeout_come_from_the_configuration(TestDatabase database) {
        DatabaseConfig config = new DatabaseConfig(database.jdbcUrl(), database.username(), database.password(),
                3, 5, 7, null, false);

        try (HikariDataSource pool = DataSources.create(config)) {
            assertThat(pool.getMaximumPoolSize()).isEqualTo(3);
            assertThat(Queries.column(pool, "current_setting.sql", "statement_timeout")).containsExactly("7s");
            assertThat(Queries.column(pool, "current_setting.sql", "application_name")).containsExactly("tasker");
        }
    }

    @Test
    void a_statement_timeout_of_zero_means_no_limit(TestDatabase database) {
        DatabaseConfig config = new DatabaseConfig(database.jdbcUrl(), database.username(), database.password(),
                1, 5, 0, null, false);

        try (HikariDataSource pool = DataSources.create(config)) {
            assertThat(Queries.column(pool, "current_setting.sql", "statement_timeout")).containsExactly("0");
        }
    }

    @Test
    void rejects_a_pool_size_below_one_naming_the_setting() {
        assertThatThrownBy(() -> DataSources.create(new DatabaseConfig("postgres://localhost/tasker", null, null, 0, 5, 0, null, true)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("database.pool_size")
                .hasMessageContaining("at least 1, was 0");
    }

    @Test
    void rejects_a_negative_statement_timeout_naming_the_setting() {
        assertThatThrownBy(() -> DataSources.create(new DatabaseConfig("postgres://localhost/tasker", null, null, 2, 5, -1, null, true)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("database.statement_timeout_seconds");
    }

    private static DatabaseUnavailableException catchUnavailable(DatabaseConfig config) {
        try {
            DataSources.create(config).close();
            throw new AssertionError("connected to " + config.url());
        } catch (DatabaseUnavailableException expected) {
            return expected;
        }
    }

    private static DatabaseConfig config(String url, int connectTimeoutSeconds) {
        return new DatabaseConfig(url, null, null, 2, connectTimeoutSeconds, 0, null, true);
    }

    private static int portNobodyListensOn() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
