package io.tasker.cli.worker;

import io.tasker.core.config.TaskerConfig;
import io.tasker.core.engine.TaskRequest;
import io.tasker.core.engine.TaskerEngine;
import io.tasker.core.handler.HandlerResolutionException;
import io.tasker.core.persistence.CreatedTask;
import io.tasker.core.template.TaskTemplate;
import io.tasker.core.template.TemplateLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;
import javax.sql.DataSource;

/**
 * The test's side of the database the workers share: submits tasks through the Java API (an engine of this JVM
 * that runs no worker) and reads what the workers did, straight from Tasker's tables.
 */
final class TaskQueue implements AutoCloseable {

    /** One step as the tables tell it: its transitions counted by kind. */
    record StepTally(long stepId, long taskId, String name, int attempts, int starts, int completions, int errors) {
    }

    /** One step transition. */
    record Transition(long stepId, long taskId, String fromState, String toState, Instant at, String metadata) {
    }

    private final DataSource dataSource;
    private final TaskerEngine engine;

    TaskQueue(DataSource dataSource, Path... templateFiles) throws HandlerResolutionException {
        this.dataSource = dataSource;
        this.engine = TaskerEngine.builder(dataSource, TaskerConfig.defaults()).build();
        TemplateLoader loader = new TemplateLoader(TemplateLoader.DEFAULT_ENVIRONMENT);
        for (Path file : templateFiles) {
            TaskTemplate template = loader.load(file);
            engine.register(template);
        }
    }

    /** Submits {@code count} tasks of one template, in transactions of up to 1,000; returns their ids. */
    List<Long> submit(String namespace, String name, int count, IntFunction<Map<String, Object>> context) {
        List<Long> ids = new ArrayList<>(count);
        List<TaskRequest> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            batch.add(TaskRequest.of(namespace, name, "1.0.0", context.apply(i)));
            if (batch.size() == 1000 || i == count - 1) {
                engine.submitTasks(batch).stream().map(CreatedTask::taskId).forEach(ids::add);
                batch.clear();
            }
        }
        return ids;
    }

    /** Task counts by current state. */
    Map<String, Long> tasksByState() {
        Map<String, Long> states = new LinkedHashMap<>();
        query("""
                SELECT to_state, count(*) FROM tasker_task_transitions WHERE most_recent GROUP BY to_state ORDER BY 1
                """, List.of(), row -> states.put(row.getString(1), row.getLong(2)));
        return states;
    }

    long tasksIn(String state) {
        return tasksByState().getOrDefault(state, 0L);
    }

    /** Leases held now: worker id to task count. */
    Map<String, Long> holders() {
        Map<String, Long> holders = new LinkedHashMap<>();
        query("SELECT claimed_by, count(*) FROM tasker_tasks WHERE claimed_by IS NOT NULL GROUP BY 1", List.of(),
                row -> holders.put(row.getString(1), row.getLong(2)));
        return holders;
    }

    /** Every task's id. */
    List<Long> taskIds() {
        List<Long> ids = new ArrayList<>();
        query("SELECT task_id FROM tasker_tasks ORDER BY 1", List.of(), row -> ids.add(row.getLong(1)));
        return ids;
    }

    /** The tasks a worker holds now. */
    List<Long> tasksHeldBy(String workerId) {
        List<Long> ids = new ArrayList<>();
        query("SELECT task_id FROM tasker_tasks WHERE claimed_by = ? ORDER BY 1", List.of(workerId),
                row -> ids.add(row.getLong(1)));
        return ids;
    }

    /** Steps whose current state is {@code state}. */
    long stepsIn(String state) {
        return count("SELECT count(*) FROM tasker_workflow_step_transitions WHERE most_recent AND to_state = ?", state);
    }

    /** Every step with its transitions counted. */
    List<StepTally> steps() {
        List<StepTally> steps = new ArrayList<>();
        query("""
                SELECT s.workflow_step_id, s.task_id, ns.name, coalesce(s.attempts, 0),
                       count(*) FILTER (WHERE t.to_state = 'in_progress'),
                       count(*) FILTER (WHERE t.to_state = 'complete'),
                       count(*) FILTER (WHERE t.to_state = 'error')
                  FROM tasker_workflow_steps s
                  JOIN tasker_named_steps ns ON ns.named_step_id = s.named_step_id
                  LEFT JOIN tasker_workflow_step_transitions t ON t.workflow_step_id = s.workflow_step_id
                 GROUP BY 1, 2, 3, 4 ORDER BY 1
                """, List.of(), row -> steps.add(new StepTally(row.getLong(1), row.getLong(2), row.getString(3),
                row.getInt(4), row.getInt(5), row.getInt(6), row.getInt(7))));
        return steps;
    }

    /** The step transitions of some tasks, in the order they were written. */
    List<Transition> transitionsOf(List<Long> taskIds) {
        List<Transition> transitions = new ArrayList<>();
        query("""
                SELECT workflow_step_id, task_id, from_state, to_state, created_at, metadata::text
                  FROM tasker_workflow_step_transitions WHERE task_id = ANY (?) ORDER BY workflow_step_id, sort_key
                """, List.of((Object) taskIds.toArray(Long[]::new)), row -> transitions.add(new Transition(row.getLong(1),
                row.getLong(2), row.getString(3), row.getString(4), row.getTimestamp(5).toInstant(), row.getString(6))));
        return transitions;
    }

    long count(String sql, Object... parameters) {
        long[] count = new long[1];
        query(sql, List.of(parameters), row -> count[0] = row.getLong(1));
        return count[0];
    }

    /**
     * Waits until {@code value} reaches {@code expected}; fails with {@code context} after {@code timeout}. A read
     * that fails (the database is restarting) counts as not there yet.
     */
    static void await(String what, LongSupplier value, long expected, Duration timeout,
                      java.util.function.Supplier<String> context) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long seen = -1;
        RuntimeException failure = null;
        while (true) {
            try {
                seen = value.getAsLong();
                failure = null;
            } catch (RuntimeException e) {
                failure = e;
            }
            if (failure == null && seen >= expected) {
                return;
            }
            if (System.nanoTime() > deadline) {
                AssertionError timedOut = new AssertionError(what + ": " + seen + " of " + expected + " after " + timeout
                        + "\n" + context.get());
                if (failure != null) {
                    timedOut.initCause(failure);
                }
                throw timedOut;
            }
            Thread.sleep(100);
        }
    }

    interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    void query(String sql, List<Object> parameters, RowReader reader) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                Object p = parameters.get(i);
                if (p instanceof Long[] longs) {
                    statement.setArray(i + 1, connection.createArrayOf("bigint", longs));
                } else if (p instanceof Integer[] ints) {
                    statement.setArray(i + 1, connection.createArrayOf("integer", ints));
                } else {
                    statement.setObject(i + 1, p);
                }
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("test query failed: " + sql, e);
        }
    }

    @Override
    public void close() {
        engine.close();
    }
}
