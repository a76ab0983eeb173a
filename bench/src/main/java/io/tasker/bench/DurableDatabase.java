package io.tasker.bench;

import io.tasker.core.config.DatabaseConfig;
import io.tasker.core.database.Database;
import io.tasker.core.database.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL for benchmarks, started the way {@code tasker run} starts its default database: durable
 * commits (fsync and synchronous_commit on), in a fresh data directory that is removed afterwards.
 *
 * <p>With {@code BENCH_URL} (or {@code -Dbench.url}) set to a JDBC URL, the benchmark runs on that database
 * instead (user {@code BENCH_USER} / {@code -Dbench.user}, default {@code postgres}; password
 * {@code BENCH_PASSWORD} / {@code -Dbench.password}, default none): for instance a server started with
 * pg_stat_statements to see what each statement costs. It is migrated, used and left as it is; durability is
 * then that server's own setting.
 */
final class DurableDatabase implements AutoCloseable {
    private final Path dataDirectory;
    private final Database database;

    DurableDatabase(int poolSize) throws IOException {
        String url = setting("bench.url", "BENCH_URL", null);
        if (url != null) {
            this.dataDirectory = null;
            this.database = Database.open(new DatabaseConfig(url, setting("bench.user", "BENCH_USER", "postgres"),
                    setting("bench.password", "BENCH_PASSWORD", null), poolSize, 5, 0, null, true));
        } else {
            this.dataDirectory = Files.createTempDirectory("tasker-bench-").resolve("pgdata");
            this.database = Database.open(new DatabaseConfig(null, null, null, poolSize, 5, 0,
                    dataDirectory.toString(), true));
        }
    }

    Database database() {
        return database;
    }

    /**
     * Empties pg_stat_statements, so that what it shows afterwards is the measured rounds only (not the
     * migrations and warm-up); asked for with {@code -Dbench.resetpgss=true}, on a database that has the extension.
     */
    void resetStatementStatisticsIfAsked() throws SQLException {
        if (!Boolean.getBoolean("bench.resetpgss")) {
            return;
        }
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_stat_statements_reset()");
        }
    }

    private static String setting(String property, String variable, String fallback) {
        String value = System.getProperty(property, System.getenv(variable));
        return value == null || value.isBlank() ? fallback : value;
    }

    @Override
    public void close() {
        database.close();
        if (dataDirectory != null) {
            EmbeddedPostgres.stop(dataDirectory);
        }
    }
}
