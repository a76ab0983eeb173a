package io.tasker.bench;

import io.tasker.core.database.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The floor under every engine figure: the latency of one durable single-row commit on this machine's disk,
 * measured on the same server and pool the engine uses.
 */
public final class CommitProbe {
    private static final Sql CREATE = Sql.load(CommitProbe.class, "probe_create.sql");
    private static final Sql UPDATE = Sql.load(CommitProbe.class, "probe_update.sql");
    private static final int COMMITS = 2000;

    private CommitProbe() {
    }

    public static void run(DataSource dataSource, int rounds) throws SQLException {
        double[] millis = new double[rounds];
        try (Connection c = dataSource.getConnection()) {
            c.createStatement().execute(CREATE.text());
            try (PreparedStatement update = c.prepareStatement(UPDATE.text())) {
                for (int i = 0; i < 200; i++) {
                    update.executeUpdate();
                }
                for (int r = 0; r < rounds; r++) {
                    long start = System.nanoTime();
                    for (int i = 0; i < COMMITS; i++) {
                        update.executeUpdate();
                    }
                    millis[r] = (System.nanoTime() - start) / 1e6 / COMMITS;
                }
            }
        }
        EngineBench.report("one durable single-row commit on one connection, ms", millis);
    }
}
