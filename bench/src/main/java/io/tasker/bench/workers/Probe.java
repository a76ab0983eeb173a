package io.tasker.bench.workers;

import io.tasker.core.database.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** What the harness reads from PostgreSQL around a measured window. */
public final class Probe {
    private static final Sql DURABILITY = Sql.load(Probe.class, "durability.sql");
    private static final Sql COUNTERS = Sql.load(Probe.class, "database_counters.sql");
    private static final Sql QUEUE_BUSY = Sql.load(Probe.class, "queue_busy.sql");
    private static final Sql ROUND_SUMMARY = Sql.load(Probe.class, "round_summary.sql");
    private static final Sql RESET_PGSS = Sql.load(Probe.class, "reset_pg_stat_statements.sql");
    private static final Sql TOP_STATEMENTS = Sql.load(Probe.class, "top_statements.sql");
    private static final Sql TABLE_COUNTERS = Sql.load(Probe.class, "table_counters.sql");
    private static final Sql INDEX_ONLY = Sql.load(Probe.class, "no_seqscan.sql");
    private static final Sql RESET_SEQSCAN = Sql.load(Probe.class, "reset_seqscan.sql");
    private static final Sql ANALYZE = Sql.load(Probe.class, "analyze.sql");

    /** Cumulative database counters (commits, rows written) and the WAL position. */
    public record Counters(long commits, long inserted, long updated, long deleted, long walBytes, long fullPages) {
        public Counters minus(Counters before) {
            return new Counters(commits - before.commits, inserted - before.inserted, updated - before.updated,
                    deleted - before.deleted, walBytes - before.walBytes, fullPages - before.fullPages);
        }

        public String perTask(int tasks) {
            return String.format("per task: %.3f commits, %.2f rows inserted, %.2f updated, %.0f bytes of WAL"
                            + " (%.2f full-page images)", (double) commits / tasks, (double) inserted / tasks,
                    (double) updated / tasks, (double) walBytes / tasks, (double) fullPages / tasks);
        }
    }

    /** Row writes of one table: inserted, updated, of which HOT (no index entries), deleted. */
    public record TableWrites(long inserted, long updated, long hot, long deleted) {
        TableWrites minus(TableWrites before) {
            return before == null ? this : new TableWrites(inserted - before.inserted, updated - before.updated,
                    hot - before.hot, deleted - before.deleted);
        }
    }

    public static java.util.Map<String, TableWrites> tableWrites(DataSource ds) throws SQLException {
        java.util.Map<String, TableWrites> writes = new java.util.TreeMap<>();
        try (Connection c = ds.getConnection();
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery(TABLE_COUNTERS.text())) {
            while (r.next()) {
                writes.put(r.getString(1), new TableWrites(r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5)));
            }
        }
        return writes;
    }

    /** Per table with writes: rows inserted / updated (HOT) / deleted per task. */
    public static String perTask(java.util.Map<String, TableWrites> after, java.util.Map<String, TableWrites> before, int tasks) {
        StringBuilder line = new StringBuilder("rows per task (ins/upd (HOT)/del):");
        after.forEach((table, writes) -> {
            TableWrites d = writes.minus(before.get(table));
            if (d.inserted + d.updated + d.deleted > 0) {
                line.append(String.format(" %s %.2f/%.2f (%.2f)/%.2f;", table.replace("tasker_", ""),
                        (double) d.inserted / tasks, (double) d.updated / tasks, (double) d.hot / tasks,
                        (double) d.deleted / tasks));
            }
        });
        return line.toString();
    }

    /** A round's outcome as the workers recorded it. */
    record Summary(long complete, long firstStartMicros, long lastCompleteMicros) {
    }

    private Probe() {
    }

    static String durability(BenchServer server) throws SQLException {
        try (Connection c = server.database().dataSource().getConnection();
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery(DURABILITY.text())) {
            r.next();
            return "fsync " + r.getString(1) + ", synchronous_commit " + r.getString(2) + ", full_page_writes "
                    + r.getString(3) + (server.statementStatistics() ? ", pg_stat_statements on" : "");
        }
    }

    public static Counters counters(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection();
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery(COUNTERS.text())) {
            r.next();
            return new Counters(r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5), r.getLong(6));
        }
    }

    /** Polls until no task is queued or held; returns System.nanoTime() of the first poll that saw none. */
    static long awaitDrained(DataSource ds, long timeoutNanos) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        try (Connection c = ds.getConnection(); PreparedStatement busy = c.prepareStatement(QUEUE_BUSY.text())) {
            // The partial index on next_run_at, whatever the statistics say: a fresh database has none yet, and a
            // sequential scan of every task at each poll would load the server the benchmark measures.
            try (Statement s = c.createStatement()) {
                s.execute(INDEX_ONLY.text());
            }
            try {
                return poll(busy, deadline, timeoutNanos);
            } finally {
                try (Statement s = c.createStatement()) {
                    s.execute(RESET_SEQSCAN.text());
                }
            }
        }
    }

    private static long poll(PreparedStatement busy, long deadline, long timeoutNanos)
            throws SQLException, InterruptedException {
        while (true) {
            long now = System.nanoTime();
            try (ResultSet r = busy.executeQuery()) {
                r.next();
                if (!r.getBoolean(1)) {
                    return now;
                }
            }
            if (now > deadline) {
                throw new IllegalStateException("the queue did not drain within " + timeoutNanos / 1_000_000_000 + " s");
            }
            Thread.sleep(20);
        }
    }

    static Summary summary(DataSource ds, long firstTaskId, long lastTaskId) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement(ROUND_SUMMARY.text())) {
            for (int i = 0; i < 3; i++) {
                s.setLong(2 * i + 1, firstTaskId);
                s.setLong(2 * i + 2, lastTaskId);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return new Summary(r.getLong(1), r.getLong(2), r.getLong(3));
            }
        }
    }

    static void resetStatements(BenchServer server) throws SQLException {
        if (server.statementStatistics()) {
            execute(server.database().dataSource(), RESET_PGSS);
        }
    }

    static List<String> topStatements(BenchServer server, int limit) throws SQLException {
        List<String> lines = new ArrayList<>();
        if (!server.statementStatistics()) {
            return lines;
        }
        try (Connection c = server.database().dataSource().getConnection();
             PreparedStatement s = c.prepareStatement(TOP_STATEMENTS.text())) {
            s.setInt(1, limit);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    lines.add(String.format("%8d calls %9.1f ms %8.3f ms/call %8d rows %10d WAL B  %s", r.getLong(1),
                            r.getDouble(2), r.getDouble(3), r.getLong(4), r.getLong(5), r.getString(6)));
                }
            }
        }
        return lines;
    }

    /** VACUUM ANALYZE: a fresh database is slow until it has statistics (docs/benchmarks.md). */
    static void analyze(DataSource ds) throws SQLException {
        execute(ds, ANALYZE);
    }

    private static void execute(DataSource ds, Sql sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.execute(sql.text());
        }
    }
}
