package io.tasker.core.persistence;

import io.tasker.core.database.Sql;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Binds a {@link ChangeSet} to the parallel arrays of {@code tasker_apply_changes} and runs it as one statement. */
final class ChangeWriter {
    private static final Sql APPLY = Sql.load(ChangeWriter.class, "apply_changes.sql");

    private ChangeWriter() {
    }

    static void write(Connection connection, ChangeSet changes) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(APPLY.text())) {
            int next = bindSteps(connection, statement, changes, 1);
            next = bindTransitions(connection, statement, changes.stepTransitions(), next, true);
            next = bindTransitions(connection, statement, changes.taskTransitions(), next, false);
            bindTasks(connection, statement, changes, next);
            statement.execute();
        } catch (SQLException e) {
            throw new SQLException(APPLY.name() + ": " + e.getMessage(), e.getSQLState(), e);
        }
    }

    private static int bindSteps(Connection c, PreparedStatement s, ChangeSet changes, int at) throws SQLException {
        int n = changes.stepCount();
        Long[] ids = new Long[n];
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
        s.setArray(at, array(c, "bigint", ids));
        s.setArray(at + 1, array(c, "integer", attempts));
        s.setArray(at + 2, array(c, "boolean", inProcess));
        s.setArray(at + 3, array(c, "boolean", processed));
        s.setArray(at + 4, array(c, "text", processedAt));
        s.setArray(at + 5, array(c, "text", lastAttemptedAt));
        s.setArray(at + 6, array(c, "integer", backoff));
        s.setArray(at + 7, array(c, "boolean", retryable));
        s.setArray(at + 8, array(c, "text", results));
        return at + 9;
    }

    private static int bindTransitions(Connection c, PreparedStatement s, List<ChangeSet.Transition> transitions, int at,
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
        s.setArray(next++, array(c, "bigint", owners));
        if (forSteps) {
            s.setArray(next++, array(c, "bigint", taskIds));
        }
        s.setArray(next++, array(c, "text", from));
        s.setArray(next++, array(c, "text", to));
        s.setArray(next++, array(c, "integer", sortKeys));
        s.setArray(next++, array(c, "boolean", mostRecent));
        s.setArray(next++, array(c, "text", metadata));
        s.setArray(next++, array(c, "text", createdAt));
        return next;
    }

    private static void bindTasks(Connection c, PreparedStatement s, ChangeSet changes, int at) throws SQLException {
        int n = changes.taskCount();
        Long[] ids = new Long[n];
        Boolean[] complete = new Boolean[n];
        String[] nextRunAt = new String[n];
        int i = 0;
        for (ChangeSet.TaskRow row : changes.tasks()) {
            ids[i] = row.taskId();
            complete[i] = row.complete();
            nextRunAt[i] = text(row.nextRunAt());
            i++;
        }
        s.setArray(at, array(c, "bigint", ids));
        s.setArray(at + 1, array(c, "boolean", complete));
        s.setArray(at + 2, array(c, "text", nextRunAt));
    }

    static Array array(Connection c, String type, Object[] values) throws SQLException {
        return c.createArrayOf(type, values);
    }

    static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
