package io.tasker.core.persistence;

import io.tasker.core.database.Sql;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Binds a {@link ChangeSet} to the parallel arrays of {@code tasker_apply_changes} and runs it as one statement. */
final class ChangeWriter {
    private static final Sql APPLY = Sql.load(ChangeWriter.class, "apply_changes.sql");

    private ChangeWriter() {
    }

    /** @return the tasks left out because the writer's claim token is no longer theirs */
    static Set<Long> write(Connection connection, ChangeSet changes) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(APPLY.text())) {
            int next = bindFences(statement, changes.fences(), 1);
            next = bindSteps(statement, changes, next);
            next = bindTransitions(statement, changes.stepTransitions(), next, true);
            next = bindTransitions(statement, changes.taskTransitions(), next, false);
            bindTasks(statement, changes, next);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                Array stale = result.getArray(1);
                if (stale == null) {
                    return Set.of();
                }
                Long[] ids = (Long[]) stale.getArray();
                return ids.length == 0 ? Set.of() : Set.of(ids);
            }
        } catch (SQLException e) {
            throw new SQLException(APPLY.name() + ": " + e.getMessage(), e.getSQLState(), e);
        }
    }

    private static int bindFences(PreparedStatement s, Map<Long, Long> fences, int at) throws SQLException {
        bindArray(s, at, fences.keySet().toArray(Long[]::new));
        bindArray(s, at + 1, fences.values().toArray(Long[]::new));
        return at + 2;
    }

    private static int bindSteps(PreparedStatement s, ChangeSet changes, int at) throws SQLException {
        int n = changes.stepCount();
        Long[] ids = new Long[n];
        Long[] taskIds = new Long[n];
        Integer[] attempts = new Integer[n];
        Boolean[] inProcess = new Boolean[n];
        Boolean[] processed = new Boolean[n];
        String[] processedAt = new String[n];
        String[] lastAttemptedAt = new String[n];
        Integer[] backoff = new Integer[n];
        Boolean[] retryable = new Boolean[n];
        String[] results = new String[n];
        int i = 0;
        for (ChangeSet.StepRow row : changes.steps()) {
            ids[i] = row.stepId();
            taskIds[i] = row.taskId();
            attempts[i] = row.attempts();
            inProcess[i] = row.inProcess();
            processed[i] = row.processed();
            processedAt[i] = text(row.processedAt());
            lastAttemptedAt[i] = text(row.lastAttemptedAt());
            backoff[i] = row.backoffSeconds();
            retryable[i] = row.retryable();
            results[i] = ChangeSet.json(row.results());
            i++;
        }
        bindArray(s, at, ids);
        bindArray(s, at + 1, taskIds);
        bindArray(s, at + 2, attempts);
        bindArray(s, at + 3, inProcess);
        bindArray(s, at + 4, processed);
        bindArray(s, at + 5, processedAt);
        bindArray(s, at + 6, lastAttemptedAt);
        bindArray(s, at + 7, backoff);
        bindArray(s, at + 8, retryable);
        bindArray(s, at + 9, results);
        return at + 10;
    }

    private static int bindTransitions(PreparedStatement s, List<ChangeSet.Transition> transitions, int at,
                                       boolean forSteps) throws SQLException {
        int n = transitions.size();
        Map<Long, Integer> lastIndexOfOwner = new HashMap<>();
        for (int i = 0; i < n; i++) {
            lastIndexOfOwner.put(transitions.get(i).ownerId(), i);
        }
        Long[] owners = new Long[n];
        Long[] taskIds = new Long[n];
        String[] from = new String[n];
        String[] to = new String[n];
        Integer[] sortKeys = new Integer[n];
        Boolean[] mostRecent = new Boolean[n];
        String[] metadata = new String[n];
        String[] createdAt = new String[n];
        for (int i = 0; i < n; i++) {
            ChangeSet.Transition t = transitions.get(i);
            owners[i] = t.ownerId();
            taskIds[i] = t.taskId();
            from[i] = t.from();
            to[i] = t.to();
            sortKeys[i] = t.sortKey();
            mostRecent[i] = lastIndexOfOwner.get(t.ownerId()) == i;
            metadata[i] = t.metadata() == null || t.metadata().isEmpty() ? null : ChangeSet.json(t.metadata());
            createdAt[i] = text(t.createdAt());
        }
        int next = at;
        bindArray(s, next++, owners);
        if (forSteps) {
            bindArray(s, next++, taskIds);
        }
        bindArray(s, next++, from);
        bindArray(s, next++, to);
        bindArray(s, next++, sortKeys);
        bindArray(s, next++, mostRecent);
        bindArray(s, next++, metadata);
        bindArray(s, next++, createdAt);
        return next;
    }

    private static void bindTasks(PreparedStatement s, ChangeSet changes, int at) throws SQLException {
        int n = changes.taskCount();
        Long[] ids = new Long[n];
        Boolean[] complete = new Boolean[n];
        String[] nextRunAt = new String[n];
        Boolean[] release = new Boolean[n];
        int i = 0;
        for (ChangeSet.TaskRow row : changes.tasks()) {
            ids[i] = row.taskId();
            complete[i] = row.complete();
            nextRunAt[i] = text(row.nextRunAt());
            release[i] = row.release();
            i++;
        }
        bindArray(s, at, ids);
        bindArray(s, at + 1, complete);
        bindArray(s, at + 2, nextRunAt);
        bindArray(s, at + 3, release);
    }

    /**
     * Binds a Java array as a SQL array parameter. pgjdbc encodes boxed and String arrays itself, which
     * skips the per-call type lookups of {@link Connection#createArrayOf}; the statements cast to the
     * exact array type anyway.
     */
    static void bindArray(PreparedStatement statement, int index, Object[] values) throws SQLException {
        statement.setObject(index, values);
    }


    static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
