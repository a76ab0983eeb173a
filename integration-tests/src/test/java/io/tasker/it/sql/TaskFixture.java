package io.tasker.it.sql;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** One task written by a {@link WorkflowFixture}: add its steps, edges and transitions. */
public final class TaskFixture {

    private static final String INSERT_EDGE = """
            INSERT INTO tasker_workflow_step_edges (from_step_id, to_step_id, task_id, name)
            VALUES (?, ?, ?, 'provides')""";
    private static final String RETIRE_CURRENT_TASK_TRANSITION = """
            UPDATE tasker_task_transitions SET most_recent = false
            WHERE task_id = ? AND most_recent
            RETURNING to_state""";
    private static final String NEXT_TASK_SORT_KEY = """
            SELECT coalesce(max(sort_key) + 10, 0) FROM tasker_task_transitions WHERE task_id = ?""";
    private static final String INSERT_TASK_TRANSITION = """
            INSERT INTO tasker_task_transitions
                (task_id, from_state, to_state, sort_key, most_recent, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)""";
    private static final String RETIRE_CURRENT_STEP_TRANSITION = """
            UPDATE tasker_workflow_step_transitions SET most_recent = false
            WHERE workflow_step_id = ? AND most_recent
            RETURNING to_state""";
    private static final String NEXT_STEP_SORT_KEY = """
            SELECT coalesce(max(sort_key) + 10, 0) FROM tasker_workflow_step_transitions WHERE workflow_step_id = ?""";
    private static final String INSERT_STEP_TRANSITION = """
            INSERT INTO tasker_workflow_step_transitions
                (workflow_step_id, task_id, from_state, to_state, sort_key, most_recent, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";

    private final WorkflowFixture fixture;
    private final long taskId;
    private final int namedTaskId;

    TaskFixture(WorkflowFixture fixture, long taskId, int namedTaskId) {
        this.fixture = fixture;
        this.taskId = taskId;
        this.namedTaskId = namedTaskId;
    }

    public long taskId() {
        return taskId;
    }

    public int namedTaskId() {
        return namedTaskId;
    }

    /** Starts a step of this task named {@code name}; finish it with {@link StepFixture#create()}. */
    public StepFixture step(String name) {
        return new StepFixture(fixture, this, name);
    }

    /** The edge {@code parent -> child}: the child depends on the parent. */
    public TaskFixture edge(long parentStepId, long childStepId) throws SQLException {
        fixture.update(INSERT_EDGE, parentStepId, childStepId, taskId);
        return this;
    }

    /**
     * Appends a task transition to {@code toState} as the engine would: the previous most recent row is
     * retired and becomes {@code from_state}, {@code sort_key} is the previous maximum + 10 (0 for the first).
     */
    public TaskFixture transition(String toState, Instant createdAt) throws SQLException {
        String fromState = retireCurrent(RETIRE_CURRENT_TASK_TRANSITION, taskId);
        int sortKey = nextSortKey(NEXT_TASK_SORT_KEY, taskId);
        return taskTransitionRow(fromState, toState, sortKey, true, createdAt);
    }

    /** Writes one task transition row exactly as given, touching no other row. */
    public TaskFixture taskTransitionRow(
            String fromState, String toState, int sortKey, boolean mostRecent, Instant createdAt)
            throws SQLException {
        fixture.update(INSERT_TASK_TRANSITION, taskId, fromState, toState, sortKey, mostRecent, createdAt, createdAt);
        return this;
    }

    /** Appends a transition of a step of this task, as {@link #transition(String, Instant)} does for the task. */
    public TaskFixture stepTransition(long stepId, String toState, Instant createdAt) throws SQLException {
        String fromState = retireCurrent(RETIRE_CURRENT_STEP_TRANSITION, stepId);
        int sortKey = nextSortKey(NEXT_STEP_SORT_KEY, stepId);
        return stepTransitionRow(stepId, fromState, toState, sortKey, true, createdAt);
    }

    /** Writes one step transition row exactly as given, touching no other row. */
    public TaskFixture stepTransitionRow(
            long stepId, String fromState, String toState, int sortKey, boolean mostRecent, Instant createdAt)
            throws SQLException {
        fixture.update(
                INSERT_STEP_TRANSITION, stepId, taskId, fromState, toState, sortKey, mostRecent, createdAt, createdAt);
        return this;
    }

    private String retireCurrent(String sql, long ownerId) throws SQLException {
        try (PreparedStatement statement = fixture.connection().prepareStatement(sql)) {
            statement.setLong(1, ownerId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    private int nextSortKey(String sql, long ownerId) throws SQLException {
        return Math.toIntExact(fixture.queryForLong(sql, ownerId));
    }
}
