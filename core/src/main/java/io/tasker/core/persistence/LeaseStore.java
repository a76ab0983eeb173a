package io.tasker.core.persistence;

import io.tasker.core.database.Jdbc;
import io.tasker.core.database.Sql;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Leases on tasks (V002): claims from the queue with SKIP LOCKED, claims by id, heartbeats, release at
 * shutdown. A lease is held by a worker id and fenced by the task's claim token, which every claim raises.
 * All times are the database's: workers on different machines need not agree on a clock.
 */
public final class LeaseStore {
    private static final Sql CLAIM_AND_LOAD_QUEUED = Sql.load(LeaseStore.class, "claim_and_load_queued_tasks.sql");
    private static final Sql CLAIM_BY_ID = Sql.load(LeaseStore.class, "claim_tasks_by_id.sql");
    private static final Sql HOLDERS = Sql.load(LeaseStore.class, "lease_holders.sql");
    private static final Sql RENEW = Sql.load(LeaseStore.class, "renew_leases.sql");
    private static final Sql RELEASE = Sql.load(LeaseStore.class, "release_leases.sql");
    private static final Sql NEXT_DUE = Sql.load(LeaseStore.class, "next_due_task.sql");

    /** A task claimed from the queue, read in the same statement: the claim's token and the task with its steps. */
    public record ClaimedTask(long token, StoredTask task) {
    }

    /** Who holds a task, and the lease expiry (or the due time, when no one does). */
    public record Holder(long taskId, String workerId, Instant until) {
    }

    private final Jdbc jdbc;
    private final String workerId;
    private final Duration lease;

    public LeaseStore(Jdbc jdbc, String workerId, Duration lease) {
        this.jdbc = jdbc;
        this.workerId = workerId;
        this.lease = lease;
    }

    public String workerId() {
        return workerId;
    }

    /**
     * Claims up to {@code limit} due tasks, oldest due first, skipping those other workers are claiming, and reads
     * them with their steps in the same statement (one round trip, one commit: what a woken worker waits for before
     * it can start the first attempt).
     *
     * @param namespaces only tasks of these namespaces; null for all
     * @return the claimed tasks by id, in claim order
     */
    public Map<Long, ClaimedTask> claimAndLoadQueued(int limit, List<String> namespaces) {
        String[] names = namespaces == null ? null : namespaces.toArray(String[]::new);
        Map<Long, Long> tokens = new LinkedHashMap<>();
        Map<Long, StoredTask> tasks = new HashMap<>();
        Map<Long, List<StoredTask.StoredStep>> steps = new HashMap<>();
        jdbc.query(CLAIM_AND_LOAD_QUEUED, s -> {
            s.setObject(1, names);
            s.setObject(2, names);
            s.setInt(3, limit);
            s.setString(4, workerId);
            s.setLong(5, lease.toSeconds());
        }, row -> {
            long taskId = row.getLong("task_id");
            if (row.getInt("kind") == 0) {
                tokens.put(taskId, row.getLong("claim_token"));
                tasks.put(taskId, TaskStore.taskRow(row));
            } else {
                steps.computeIfAbsent(taskId, k -> new ArrayList<>()).add(TaskStore.stepRow(row));
            }
            return null;
        });
        Map<Long, ClaimedTask> claimed = new LinkedHashMap<>();
        tokens.forEach((id, token) -> claimed.put(id,
                new ClaimedTask(token, tasks.get(id).withSteps(steps.getOrDefault(id, List.of())))));
        return claimed;
    }

    /**
     * Claims the given tasks unless another live worker holds a lease on them that has not expired
     * ({@code closedWorkers}: engines known to be closed, whose leases are free); with
     * {@code steal}, claims them anyway (an operator's action; the holder's later writes are refused).
     *
     * @return claim token by task id, for the tasks claimed
     */
    public Map<Long, Long> claim(Collection<Long> taskIds, boolean steal, Collection<String> closedWorkers) {
        Long[] ids = taskIds.toArray(Long[]::new);
        String[] closed = closedWorkers.toArray(String[]::new);
        Map<Long, Long> claimed = new HashMap<>();
        jdbc.query(CLAIM_BY_ID, s -> {
            s.setString(1, workerId);
            s.setLong(2, lease.toSeconds());
            s.setObject(3, ids);
            s.setString(4, workerId);
            s.setObject(5, closed);
            s.setBoolean(6, steal);
        }, row -> claimed.put(row.getLong(1), row.getLong(2)));
        return claimed;
    }

    /** The current holders of the given tasks; tasks that do not exist are absent. */
    public Map<Long, Holder> holders(Collection<Long> taskIds) {
        Long[] ids = taskIds.toArray(Long[]::new);
        Map<Long, Holder> holders = new HashMap<>();
        jdbc.query(HOLDERS, s -> s.setObject(1, ids), row -> holders.put(row.getLong(1),
                new Holder(row.getLong(1), row.getString(2), instant(row.getTimestamp(3)))));
        return holders;
    }

    /**
     * Extends the leases this worker still holds with the given tokens.
     *
     * @return the tasks whose lease was extended; the others were lost
     */
    public Set<Long> renew(Map<Long, Long> tokens) {
        if (tokens.isEmpty()) {
            return Set.of();
        }
        Long[] ids = tokens.keySet().toArray(Long[]::new);
        Long[] held = tokens.values().toArray(Long[]::new);
        Set<Long> renewed = new HashSet<>();
        jdbc.query(RENEW, s -> {
            s.setLong(1, lease.toSeconds());
            s.setObject(2, ids);
            s.setObject(3, held);
            s.setString(4, workerId);
        }, row -> renewed.add(row.getLong(1)));
        return renewed;
    }

    public Duration lease() {
        return lease;
    }

    /** Hands the given tasks back to the queue, due after {@code delay}; returns how many were still held. */
    public int release(Map<Long, Long> tokens, Duration delay) {
        if (tokens.isEmpty()) {
            return 0;
        }
        Long[] ids = tokens.keySet().toArray(Long[]::new);
        Long[] held = tokens.values().toArray(Long[]::new);
        return jdbc.queryOne(RELEASE, s -> {
            s.setLong(1, delay.toSeconds());
            s.setObject(2, ids);
            s.setObject(3, held);
            s.setString(4, workerId);
        }, row -> row.getInt(1)).orElse(0);
    }

    /** When the queue next has a task due (including leases that will expire), if it has any. */
    public Optional<Instant> nextDue() {
        List<Instant> due = jdbc.query(NEXT_DUE, s -> { }, row -> instant(row.getTimestamp(1)));
        return due.isEmpty() ? Optional.empty() : Optional.ofNullable(due.getFirst());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
