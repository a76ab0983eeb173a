package io.tasker.core.maintenance;

import io.tasker.core.model.TaskState;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * What to purge: tasks in one of {@code states} whose last transition is older than {@code olderThan}.
 *
 * @param batchSize tasks per transaction: small enough that no batch holds locks for long
 * @param archive move the rows into the {@code tasker_archived_*} tables instead of deleting them
 * @param dryRun count what would be purged and change nothing
 * @throws IllegalArgumentException naming the field and what is expected
 */
public record PurgeRequest(Duration olderThan, Set<TaskState> states, int batchSize, boolean archive, boolean dryRun) {
    public static final int DEFAULT_BATCH_SIZE = 500;
    public static final int MAX_BATCH_SIZE = 10_000;

    /**
     * Tasks that nothing will touch again: complete, cancelled or resolved by hand. A task in {@code error} is not
     * among them by default, since an operator may still retry it.
     */
    public static final Set<TaskState> FINISHED = Set.copyOf(
            EnumSet.of(TaskState.COMPLETE, TaskState.CANCELLED, TaskState.RESOLVED_MANUALLY));

    public PurgeRequest {
        if (olderThan == null || olderThan.isNegative() || olderThan.isZero()) {
            throw new IllegalArgumentException("olderThan: got " + olderThan + ", expected a positive duration");
        }
        if (states == null || states.isEmpty()) {
            throw new IllegalArgumentException("states: got none, expected finished task states such as complete");
        }
        for (TaskState state : states) {
            if (!state.isFinished()) {
                throw new IllegalArgumentException("states: got " + state.dbName()
                        + ", expected only states in which a task has finished (complete, cancelled, resolved_manually, error)");
            }
        }
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("batchSize: got " + batchSize + ", expected 1 to " + MAX_BATCH_SIZE);
        }
        states = Set.copyOf(states);
    }

    /** Complete, cancelled and manually resolved tasks older than {@code olderThan}, deleted in default batches. */
    public static PurgeRequest olderThan(Duration olderThan) {
        return new PurgeRequest(olderThan, FINISHED, DEFAULT_BATCH_SIZE, false, false);
    }

    public PurgeRequest includingError() {
        Set<TaskState> withError = EnumSet.copyOf(states);
        withError.add(TaskState.ERROR);
        return new PurgeRequest(olderThan, withError, batchSize, archive, dryRun);
    }

    public PurgeRequest inBatchesOf(int size) {
        return new PurgeRequest(olderThan, states, size, archive, dryRun);
    }

    public PurgeRequest archiving() {
        return new PurgeRequest(olderThan, states, batchSize, true, dryRun);
    }

    public PurgeRequest dryRunning() {
        return new PurgeRequest(olderThan, states, batchSize, archive, true);
    }
}
