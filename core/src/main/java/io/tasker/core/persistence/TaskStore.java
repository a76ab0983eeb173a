package io.tasker.core.persistence;

import io.tasker.core.database.Jdbc;
import io.tasker.core.database.Sql;

import io.tasker.core.json.Json;
import io.tasker.core.template.StepTemplate;
import io.tasker.core.template.TaskTemplate;
import io.tasker.core.template.TemplateKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Owns the task tables: creates tasks with their steps, reads a task back, and applies a cycle's changes. */
public final class TaskStore {
    private static final Sql INSERT_TASKS = Sql.load(TaskStore.class, "insert_tasks.sql");
    private static final Sql FIND_EXISTING = Sql.load(TaskStore.class, "find_existing_tasks.sql");
    private static final Sql INSERT_STEPS = Sql.load(TaskStore.class, "insert_steps.sql");
    private static final Sql INSERT_EDGES = Sql.load(TaskStore.class, "insert_edges.sql");
    private static final Sql INITIAL_STEP_TRANSITIONS = Sql.load(TaskStore.class, "insert_initial_step_transitions.sql");
    private static final Sql INITIAL_TASK_TRANSITIONS = Sql.load(TaskStore.class, "insert_initial_task_transitions.sql");
    private static final Sql LOAD_TASKS = Sql.load(TaskStore.class, "load_tasks.sql");
    private static final Sql LOAD_STEPS = Sql.load(TaskStore.class, "load_steps_of_tasks.sql");
    private static final Sql FIND_BY_KEY = Sql.load(TaskStore.class, "find_task_by_key.sql");
    private static final Sql NOTIFY_WORK = Sql.load(TaskStore.class, "notify_work.sql");

    private final Jdbc jdbc;

    public TaskStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Creates the tasks in one transaction: task rows, steps (inputs = context), edges and the initial
     * {@code pending} transitions. Requests whose identity hash or idempotency key already exist return
     * the existing task instead. Results are in request order.
     */
    public List<CreatedTask> create(List<NewTask> requests, Instant now) {
        return create(requests, now, false);
    }

    /**
     * @param queued whether new tasks are due at once for any worker (and idle workers are notified at commit),
     *     or left to their creator to run (not in the queue)
     */
    public List<CreatedTask> create(List<NewTask> requests, Instant now, boolean queued) {
        return jdbc.inTransaction(connection -> createIn(connection, requests, now, queued));
    }

    private List<CreatedTask> createIn(Connection c, List<NewTask> requests, Instant now, boolean queued)
            throws SQLException {
        Map<String, Long> newIds = insertTasks(c, requests, queued);
        if (queued && !newIds.isEmpty()) {
            Jdbc.query(c, NOTIFY_WORK, s -> { }, row -> null);
        }
        List<NewTask> fresh = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (NewTask request : requests) {
            if (newIds.containsKey(request.identityHash()) && seen.add(request.identityHash())) {
                fresh.add(request);
            }
        }
        insertStepsEdgesAndTransitions(c, fresh, newIds, now);
        Map<String, CreatedTask> existing = newIds.size() == requests.size() ? Map.of() : findExisting(c, requests);
        List<CreatedTask> results = new ArrayList<>(requests.size());
        for (NewTask request : requests) {
            Long id = newIds.remove(request.identityHash());
            if (id != null) {
                results.add(new CreatedTask(id, true, request.template().key()));
            } else {
                results.add(existingFor(request, existing));
            }
        }
        return results;
    }

    private static CreatedTask existingFor(NewTask request, Map<String, CreatedTask> existing) {
        CreatedTask byKey = request.idempotencyKey() == null ? null : existing.get("key:" + request.idempotencyKey());
        CreatedTask found = byKey != null ? byKey : existing.get("hash:" + request.identityHash());
        if (found == null) {
            throw new IllegalStateException("task with identity " + request.identityHash() + " was neither created nor found");
        }
        return found;
    }

    private Map<String, Long> insertTasks(Connection c, List<NewTask> requests, boolean queued) throws SQLException {
        int n = requests.size();
        Integer[] namedTaskIds = new Integer[n];
        String[] requestedAt = new String[n];
        String[] initiator = new String[n];
        String[] sourceSystem = new String[n];
        String[] reason = new String[n];
        String[] bypass = new String[n];
        String[] tags = new String[n];
        String[] context = new String[n];
        String[] identity = new String[n];
        String[] key = new String[n];
        Integer[] priority = new Integer[n];
        for (int i = 0; i < n; i++) {
            NewTask r = requests.get(i);
            namedTaskIds[i] = r.ids().namedTaskId();
            requestedAt[i] = r.requestedAt().toString();
            initiator[i] = r.initiator();
            sourceSystem[i] = r.sourceSystem();
            reason[i] = r.reason();
            bypass[i] = Json.write(r.bypassSteps());
            tags[i] = Json.write(r.tags());
            context[i] = Json.write(r.context());
            identity[i] = r.identityHash();
            key[i] = r.idempotencyKey();
            priority[i] = r.priority();
        }
        Map<String, Long> ids = new HashMap<>();
        Jdbc.query(c, INSERT_TASKS, s -> {
            s.setBoolean(1, queued);
            ChangeWriter.bindArray(s, 2, namedTaskIds);
            ChangeWriter.bindArray(s, 3, requestedAt);
            ChangeWriter.bindArray(s, 4, initiator);
            ChangeWriter.bindArray(s, 5, sourceSystem);
            ChangeWriter.bindArray(s, 6, reason);
            ChangeWriter.bindArray(s, 7, bypass);
            ChangeWriter.bindArray(s, 8, tags);
            ChangeWriter.bindArray(s, 9, context);
            ChangeWriter.bindArray(s, 10, identity);
            ChangeWriter.bindArray(s, 11, key);
            ChangeWriter.bindArray(s, 12, priority);
        }, row -> ids.put(row.getString(2), row.getLong(1)));
        return ids;
    }

    private void insertStepsEdgesAndTransitions(Connection c, List<NewTask> tasks, Map<String, Long> taskIds, Instant now)
            throws SQLException {
        if (tasks.isEmpty()) {
            return;
        }
        Map<Long, Map<Integer, Long>> stepIdsByTask = insertSteps(c, tasks, taskIds);
        insertEdges(c, tasks, taskIds, stepIdsByTask);
        insertInitialTransitions(c, stepIdsByTask, now);
    }

    private Map<Long, Map<Integer, Long>> insertSteps(Connection c, List<NewTask> tasks, Map<String, Long> taskIds)
            throws SQLException {
        List<Long> taskCol = new ArrayList<>();
        List<Integer> namedStepCol = new ArrayList<>();
        List<Boolean> retryableCol = new ArrayList<>();
        List<Integer> limitCol = new ArrayList<>();
        List<Boolean> skippableCol = new ArrayList<>();
        for (NewTask task : tasks) {
            long taskId = taskIds.get(task.identityHash());
            List<StepTemplate> steps = task.template().stepTemplates();
            for (int i = 0; i < steps.size(); i++) {
                taskCol.add(taskId);
                namedStepCol.add(task.ids().namedStepIds().get(i));
                retryableCol.add(steps.get(i).retryable());
                limitCol.add(steps.get(i).retryLimit());
                skippableCol.add(steps.get(i).skippable());
            }
        }
        Map<Long, Map<Integer, Long>> ids = new LinkedHashMap<>();
        Jdbc.query(c, INSERT_STEPS, s -> {
            ChangeWriter.bindArray(s, 1, taskCol.toArray(Long[]::new));
            ChangeWriter.bindArray(s, 2, namedStepCol.toArray(Integer[]::new));
            ChangeWriter.bindArray(s, 3, retryableCol.toArray(Boolean[]::new));
            ChangeWriter.bindArray(s, 4, limitCol.toArray(Integer[]::new));
            ChangeWriter.bindArray(s, 5, skippableCol.toArray(Boolean[]::new));
        }, row -> ids.computeIfAbsent(row.getLong(2), k -> new HashMap<>()).put(row.getInt(3), row.getLong(1)));
        return ids;
    }

    private void insertEdges(Connection c, List<NewTask> tasks, Map<String, Long> taskIds,
                             Map<Long, Map<Integer, Long>> stepIds) throws SQLException {
        List<Long> taskCol = new ArrayList<>();
        List<Long> fromCol = new ArrayList<>();
        List<Long> toCol = new ArrayList<>();
        for (NewTask task : tasks) {
            long taskId = taskIds.get(task.identityHash());
            Map<Integer, Long> byNamedStep = stepIds.get(taskId);
            TaskTemplate template = task.template();
            List<Integer> named = task.ids().namedStepIds();
            Map<String, Integer> indexByName = indexByName(template);
            for (int i = 0; i < template.stepTemplates().size(); i++) {
                for (String parent : template.stepTemplates().get(i).dependsOn()) {
                    taskCol.add(taskId);
                    fromCol.add(byNamedStep.get(named.get(indexByName.get(parent))));
                    toCol.add(byNamedStep.get(named.get(i)));
                }
            }
        }
        if (taskCol.isEmpty()) {
            return;
        }
        Jdbc.update(c, INSERT_EDGES, s -> {
            ChangeWriter.bindArray(s, 1, taskCol.toArray(Long[]::new));
            ChangeWriter.bindArray(s, 2, fromCol.toArray(Long[]::new));
            ChangeWriter.bindArray(s, 3, toCol.toArray(Long[]::new));
        });
    }

    private void insertInitialTransitions(Connection c, Map<Long, Map<Integer, Long>> stepIds, Instant now)
            throws SQLException {
        List<Long> stepCol = new ArrayList<>();
        List<Long> taskCol = new ArrayList<>();
        stepIds.forEach((taskId, steps) -> steps.values().forEach(stepId -> {
            stepCol.add(stepId);
            taskCol.add(taskId);
        }));
        Timestamp at = Timestamp.from(now);
        Jdbc.update(c, INITIAL_STEP_TRANSITIONS, s -> {
            s.setTimestamp(1, at);
            s.setTimestamp(2, at);
            ChangeWriter.bindArray(s, 3, stepCol.toArray(Long[]::new));
            ChangeWriter.bindArray(s, 4, taskCol.toArray(Long[]::new));
        });
        Jdbc.update(c, INITIAL_TASK_TRANSITIONS, s -> {
            s.setTimestamp(1, at);
            s.setTimestamp(2, at);
            ChangeWriter.bindArray(s, 3, stepIds.keySet().toArray(Long[]::new));
        });
    }

    private Map<String, CreatedTask> findExisting(Connection c, List<NewTask> requests) throws SQLException {
        String[] hashes = requests.stream().map(NewTask::identityHash).toArray(String[]::new);
        String[] keys = requests.stream().map(NewTask::idempotencyKey).filter(k -> k != null).toArray(String[]::new);
        Map<String, CreatedTask> found = new HashMap<>();
        Jdbc.query(c, FIND_EXISTING, s -> {
            ChangeWriter.bindArray(s, 1, hashes);
            ChangeWriter.bindArray(s, 2, keys);
        }, row -> {
            CreatedTask task = new CreatedTask(row.getLong("task_id"), false,
                    new TemplateKey(row.getString("namespace"), row.getString("name"), row.getString("version")));
            found.put("hash:" + row.getString("identity_hash"), task);
            if (row.getString("idempotency_key") != null) {
                found.put("key:" + row.getString("idempotency_key"), task);
            }
            return task;
        });
        return found;
    }

    private static Map<String, Integer> indexByName(TaskTemplate template) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < template.stepTemplates().size(); i++) {
            index.put(template.stepTemplates().get(i).name(), i);
        }
        return index;
    }

    public Optional<Long> findByIdempotencyKey(String key) {
        return jdbc.queryOne(FIND_BY_KEY, s -> s.setString(1, key), row -> row.getLong(1));
    }

    /** Reads one task with all of its steps, or empty when no such task exists. */
    public Optional<StoredTask> load(long taskId) {
        return Optional.ofNullable(loadAll(List.of(taskId)).get(taskId));
    }

    /** Reads many tasks with all of their steps in two statements; missing ids are absent from the map. */
    public Map<Long, StoredTask> loadAll(java.util.Collection<Long> taskIds) {
        Long[] ids = taskIds.toArray(Long[]::new);
        return jdbc.withConnection(c -> {
            Map<Long, StoredTask> tasks = new LinkedHashMap<>();
            Jdbc.query(c, LOAD_TASKS, s -> {
                ChangeWriter.bindArray(s, 1, ids);
                ChangeWriter.bindArray(s, 2, ids);
            }, row -> {
                StoredTask task = taskRow(row);
                return tasks.put(task.taskId(), task);
            });
            Map<Long, List<StoredTask.StoredStep>> steps = new HashMap<>();
            Jdbc.query(c, LOAD_STEPS, s -> {
                        ChangeWriter.bindArray(s, 1, ids);
                        ChangeWriter.bindArray(s, 2, ids);
                    },
                    row -> steps.computeIfAbsent(row.getLong("task_id"), k -> new ArrayList<>()).add(stepRow(row)));
            tasks.replaceAll((id, t) -> t.withSteps(steps.getOrDefault(id, List.of())));
            return tasks;
        });
    }

    /**
     * Writes a cycle's changes as one statement in auto-commit: one round trip, one durable commit.
     *
     * @return the tasks whose part was refused because the claim token given for them is no longer current
     *     (another worker or an operator claimed them since): nothing of those tasks was written
     */
    public Set<Long> apply(ChangeSet changes) {
        if (changes.isEmpty()) {
            return Set.of();
        }
        return jdbc.withConnection(c -> ChangeWriter.write(c, changes));
    }

    @SuppressWarnings("unchecked")
    static StoredTask taskRow(ResultSet row) throws SQLException {
        Object context = Json.read(row.getString("context"));
        Object tags = Json.read(row.getString("tags"));
        return new StoredTask(row.getLong("task_id"),
                new TemplateKey(row.getString("namespace"), row.getString("name"), row.getString("version")),
                context instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of(),
                row.getString("initiator"), row.getString("source_system"), row.getString("reason"),
                tags instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of(),
                instant(row, "requested_at"), row.getString("task_state"), row.getInt("task_sort_key"),
                row.getString("idempotency_key"), instant(row, "next_run_at"), List.of());
    }

    static StoredTask.StoredStep stepRow(ResultSet row) throws SQLException {
        int backoff = row.getInt("backoff_request_seconds");
        Integer backoffSeconds = row.wasNull() ? null : backoff;
        int limit = row.getInt("retry_limit");
        int retryLimit = row.wasNull() ? 3 : limit;
        return new StoredTask.StoredStep(row.getLong("workflow_step_id"), row.getString("step_name"),
                row.getBoolean("retryable"), retryLimit, row.getBoolean("in_process"),
                row.getBoolean("processed"), instant(row, "processed_at"), row.getInt("attempts"),
                instant(row, "last_attempted_at"), backoffSeconds, Json.read(row.getString("results")),
                row.getString("step_state"), row.getInt("step_sort_key"), instant(row, "last_failure_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp ts = row.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    static void bind(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
    }
}
