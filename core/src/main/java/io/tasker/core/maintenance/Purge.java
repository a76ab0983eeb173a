package io.tasker.core.maintenance;

import io.tasker.core.database.Jdbc;
import io.tasker.core.database.Sql;
import io.tasker.core.model.TaskState;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes finished tasks older than a cutoff with everything that belongs to them (steps, edges, step and task
 * transitions, annotations), or moves them into the {@code tasker_archived_*} tables. Works in batches of tasks,
 * one transaction each, so that no lock is held for long and a purge interrupted half way keeps what it did.
 *
 * <p>Transitions are purged with their task and never on their own: they are a task's audit trail, and the
 * engine needs a live task's most recent transitions and sort keys. A live task's transitions are few (two per
 * attempt, attempts are bounded), so finished tasks are where the rows pile up.
 */
public final class Purge {
    private static final Logger LOG = LoggerFactory.getLogger(Purge.class);
    private static final Sql SELECT_BATCH = Sql.load(Purge.class, "select_batch.sql");
    private static final Sql COUNT = Sql.load(Purge.class, "count_purgeable.sql");

    private final Jdbc jdbc;
    private final InstantSource clock;

    public Purge(Jdbc jdbc, InstantSource clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public PurgeReport run(PurgeRequest request) {
        Instant cutoff = clock.instant().minus(request.olderThan());
        String[] states = request.states().stream().map(TaskState::dbName).sorted().toArray(String[]::new);
        if (request.dryRun()) {
            return new PurgeReport(request, cutoff, 0, count(states, cutoff));
        }
        PurgeCounts total = PurgeCounts.NONE;
        int batches = 0;
        long cursor = 0;
        while (true) {
            long after = cursor;
            Batch batch = jdbc.inTransaction(c -> batch(c, request, states, cutoff, after));
            if (batch.taskIds().isEmpty()) {
                break;
            }
            batches++;
            total = total.plus(batch.counts());
            cursor = Collections.max(batch.taskIds());
            LOG.debug("purge batch {}: {} tasks up to task {}", batches, batch.taskIds().size(), cursor);
            if (batch.taskIds().size() < request.batchSize()) {
                break;
            }
        }
        LOG.info("purged {} finished tasks older than {} in {} batches{}", total.tasks(), cutoff, batches,
                request.archive() ? " into the archive tables" : "");
        return new PurgeReport(request, cutoff, batches, total);
    }

    /** The task ids of one batch, in ascending order, and the rows removed for them. */
    private record Batch(List<Long> taskIds, PurgeCounts counts) {
    }

    private static Batch batch(Connection c, PurgeRequest request, String[] states, Instant cutoff, long after)
            throws SQLException {
        List<Long> ids = Jdbc.query(c, SELECT_BATCH, s -> {
            s.setArray(1, c.createArrayOf("text", states));
            s.setTimestamp(2, Timestamp.from(cutoff));
            s.setLong(3, after);
            s.setInt(4, request.batchSize());
        }, row -> row.getLong(1));
        if (ids.isEmpty()) {
            return new Batch(ids, PurgeCounts.NONE);
        }
        Array taskIds = c.createArrayOf("bigint", ids.toArray());
        Map<String, Long> counts = new HashMap<>();
        for (PurgedTable table : PurgedTable.values()) {
            counts.put(table.tableName(), (long) Jdbc.update(c, table.statement(request.archive()),
                    s -> s.setArray(1, taskIds)));
        }
        return new Batch(ids, new PurgeCounts(counts));
    }

    private PurgeCounts count(String[] states, Instant cutoff) {
        return jdbc.withConnection(c -> Jdbc.query(c, COUNT, s -> {
            s.setArray(1, c.createArrayOf("text", states));
            s.setTimestamp(2, Timestamp.from(cutoff));
        }, Purge::counts).getFirst());
    }

    private static PurgeCounts counts(ResultSet row) throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        for (String table : PurgeCounts.TABLES) {
            counts.put(table, row.getLong(table.substring("tasker_".length())));
        }
        return new PurgeCounts(counts);
    }
}
