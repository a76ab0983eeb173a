package io.tasker.bridge;

import io.tasker.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Reads Tasker's tables in tests, and waits for what the engine does after a task completed (its listeners). */
final class TaskerTables {
    private static final Duration AFTER_COMPLETION_WAIT = Duration.ofSeconds(60);

    private TaskerTables() {
    }

    /** The first column of every row, as text. */
    static List<String> rows(TestDatabase db, String sql, Object... values) {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            List<String> found = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.add(r.getString(1));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    static long count(TestDatabase db, String sql, Object... values) {
        return Long.parseLong(rows(db, sql, values).getFirst());
    }

    /** Each step's name, retry_limit, retryable and skippable as stored, in creation order. */
    static List<String> stepDefaults(TestDatabase db, Object taskId) {
        return rows(db, """
                SELECT ns.name || ' ' || ws.retry_limit || ' ' || ws.retryable || ' ' || ws.skippable
                  FROM tasker_workflow_steps ws JOIN tasker_named_steps ns USING (named_step_id)
                 WHERE ws.task_id = ? ORDER BY ws.workflow_step_id""", taskId);
    }

    /** Waits (bounded) for something listeners do after a completion, which the run's caller does not wait for. */
    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + AFTER_COMPLETION_WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(what + " did not happen within " + AFTER_COMPLETION_WAIT);
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }
}
