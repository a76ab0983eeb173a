package io.tasker.it.sql;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A step about to be written: every column that readiness depends on can be set, and so can its parents
 * and its transitions. Defaults are those of a freshly created step (attempts 0, retry limit 3, retryable,
 * neither processed nor in process, no backoff, no transition).
 */
public final class StepFixture {

    private static final String FIND_OR_CREATE_NAMED_STEP = """
            INSERT INTO tasker_named_steps (dependent_system_id, name) VALUES (?, ?)
            ON CONFLICT (dependent_system_id, name) DO UPDATE SET name = EXCLUDED.name
            RETURNING named_step_id""";
    private static final String INSERT_STEP = """
            INSERT INTO tasker_workflow_steps
                (task_id, named_step_id, attempts, retry_limit, retryable, processed, processed_at, in_process,
                 backoff_request_seconds, last_attempted_at, inputs, results)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '{}'::jsonb, '{}'::jsonb)
            RETURNING workflow_step_id""";

    private record Transition(String toState, Instant createdAt) {}

    private final WorkflowFixture fixture;
    private final TaskFixture task;
    private final String name;
    private final List<Long> parents = new ArrayList<>();
    private final List<Transition> transitions = new ArrayList<>();
    private Integer attempts = 0;
    private Integer retryLimit = 3;
    private boolean retryable = true;
    private boolean processed;
    private Instant processedAt;
    private boolean inProcess;
    private Integer backoffRequestSeconds;
    private Instant lastAttemptedAt;

    StepFixture(WorkflowFixture fixture, TaskFixture task, String name) {
        this.fixture = fixture;
        this.task = task;
        this.name = name;
    }

    /** Executions so far; {@code null} writes SQL NULL (read as 0 by the readiness rule). */
    public StepFixture attempts(Integer attempts) {
        this.attempts = attempts;
        return this;
    }

    /** Maximum total executions; {@code null} writes SQL NULL (read as 3 by the readiness rule). */
    public StepFixture retryLimit(Integer retryLimit) {
        this.retryLimit = retryLimit;
        return this;
    }

    public StepFixture retryable(boolean retryable) {
        this.retryable = retryable;
        return this;
    }

    public StepFixture processed(boolean processed, Instant processedAt) {
        this.processed = processed;
        this.processedAt = processedAt;
        return this;
    }

    public StepFixture inProcess(boolean inProcess) {
        this.inProcess = inProcess;
        return this;
    }

    public StepFixture lastAttemptedAt(Instant lastAttemptedAt) {
        this.lastAttemptedAt = lastAttemptedAt;
        return this;
    }

    /** The handler's requested wait, counted from {@code last_attempted_at}. */
    public StepFixture backoffRequestSeconds(Integer seconds) {
        this.backoffRequestSeconds = seconds;
        return this;
    }

    /** Edges from each of these steps (of the same task) to this one. */
    public StepFixture dependsOn(long... parentStepIds) {
        for (long parent : parentStepIds) {
            parents.add(parent);
        }
        return this;
    }

    /** Appends a transition to {@code toState}; several calls build the history in order. */
    public StepFixture transition(String toState, Instant createdAt) {
        transitions.add(new Transition(toState, createdAt));
        return this;
    }

    /** Writes the step, its incoming edges and its transitions; returns its {@code workflow_step_id}. */
    public long create() throws SQLException {
        long namedStepId = fixture.queryForLong(FIND_OR_CREATE_NAMED_STEP, fixture.dependentSystemId(), name);
        long stepId = fixture.queryForLong(
                INSERT_STEP,
                task.taskId(),
                Math.toIntExact(namedStepId),
                attempts,
                retryLimit,
                retryable,
                processed,
                processedAt,
                inProcess,
                backoffRequestSeconds,
                lastAttemptedAt);
        for (long parent : parents) {
            task.edge(parent, stepId);
        }
        for (Transition transition : transitions) {
            task.stepTransition(stepId, transition.toState(), transition.createdAt());
        }
        return stepId;
    }
}
