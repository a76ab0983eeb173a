package io.tasker.bench.workers;

import io.tasker.core.config.DatabaseConfig;
import io.tasker.core.database.Database;
import io.tasker.core.database.EmbeddedPostgres;
import io.tasker.core.database.EmbeddedServer;
import io.tasker.core.database.Sql;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL for the worker benchmarks: the embedded server in a fresh data directory, started
 * durable as {@code tasker} starts it by default (fsync, synchronous_commit and full_page_writes on), migrated,
 * reachable by other processes through its URL, stopped and deleted at the end. With {@code pg_stat_statements}
 * it is restarted once with the extension preloaded, so the harness can say which statements took the time.
 */
final class BenchServer implements AutoCloseable {
    private static final Sql ENABLE_PGSS = Sql.load(BenchServer.class, "enable_pg_stat_statements.sql");
    private static final Sql TRACK_NESTED = Sql.load(BenchServer.class, "track_nested_statements.sql");
    private static final Sql EXPLAIN = Sql.load(BenchServer.class, "explain_settings.sql");
    private static final Sql CREATE_PGSS = Sql.load(BenchServer.class, "create_pg_stat_statements.sql");

    private final Path root;
    private final Path dataDirectory;
    private final EmbeddedServer server;
    private final Database database;
    private final boolean statementStatistics;

    private BenchServer(Path root, Path dataDirectory, EmbeddedServer server, Database database,
                        boolean statementStatistics) {
        this.root = root;
        this.dataDirectory = dataDirectory;
        this.server = server;
        this.database = database;
        this.statementStatistics = statementStatistics;
    }

    static BenchServer start(int poolSize, boolean statementStatistics) throws IOException, SQLException {
        Path root = Files.createTempDirectory("tasker-bench-workers-");
        Path data = root.resolve("pgdata");
        EmbeddedServer server = EmbeddedPostgres.start(data, true);
        boolean explain = Boolean.getBoolean("bench.explain");
        if (explain) {
            // Every statement's plan with timings (nested ones too) goes to the server log, copied out at the end.
            try (Database plain = Database.connect(config(server, 1));
                 Connection c = plain.dataSource().getConnection();
                 Statement s = c.createStatement()) {
                for (String setting : EXPLAIN.text().split(";\\s*\\n")) {
                    s.execute(setting);
                }
            }
        }
        if (statementStatistics || explain) {
            try (Database plain = Database.connect(config(server, 1));
                 Connection c = plain.dataSource().getConnection();
                 Statement s = c.createStatement()) {
                if (statementStatistics) {
                    s.execute(ENABLE_PGSS.text());
                    // Also the statements inside functions (tasker_apply_changes), each on its own line.
                    s.execute(TRACK_NESTED.text());
                }
            }
            EmbeddedPostgres.stop(data);
            server = EmbeddedPostgres.start(data, true);
        }
        Database database = Database.open(config(server, poolSize));
        if (statementStatistics) {
            try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute(CREATE_PGSS.text());
            }
        }
        String extra = System.getProperty("bench.sql");
        if (extra != null && !extra.isBlank()) {
            runScript(database, Path.of(extra));
        }
        return new BenchServer(root, data, server, database, statementStatistics);
    }

    /**
     * Runs an experiment's SQL after the migrations ({@code -Dbench.sql=FILE}, one script: pgjdbc splits it and
     * honours dollar quotes), e.g. to measure what an index or a function variant costs the hot path before
     * proposing a migration.
     */
    private static void runScript(Database database, Path file) throws IOException, SQLException {
        String text = Files.readString(file);
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(text);
        }
        System.out.println("# experiment SQL run after the migrations: " + file);
    }

    private static DatabaseConfig config(EmbeddedServer server, int poolSize) {
        return new DatabaseConfig(server.jdbcUrl(), server.username(), server.password(), poolSize, 5, 0, null, true);
    }

    Database database() {
        return database;
    }

    EmbeddedServer server() {
        return server;
    }

    boolean statementStatistics() {
        return statementStatistics;
    }

    /** The postmaster's pid, whose children are the server's processes. */
    long pid() {
        return server.pid();
    }

    @Override
    public void close() throws IOException {
        database.close();
        EmbeddedPostgres.stop(dataDirectory);
        if (Boolean.getBoolean("bench.explain")) {
            Path log = Files.createTempFile("tasker-bench-server-", ".log");
            Files.copy(dataDirectory.resolve("tasker-server.log"), log, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            System.out.println("# server log with the plans (auto_explain): " + log);
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
