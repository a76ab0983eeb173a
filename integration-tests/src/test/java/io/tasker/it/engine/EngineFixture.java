package io.tasker.it.engine;

import io.tasker.core.config.BackoffConfig;
import io.tasker.core.config.EngineConfig;
import io.tasker.core.config.ExecutionConfig;
import io.tasker.core.config.TaskerConfig;
import io.tasker.core.engine.TaskRequest;
import io.tasker.core.engine.TaskResult;
import io.tasker.core.engine.TaskerEngine;
import io.tasker.core.handler.HandlerResolutionException;
import io.tasker.core.template.TaskTemplate;
import io.tasker.core.template.TemplateLoader;
import io.tasker.testkit.SettableClock;
import io.tasker.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/** An engine on a fresh test database with a settable clock, plus ways to read back what it stored. */
final class EngineFixture implements AutoCloseable {
    static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    /** Two, so that every engine test also runs with tasks split between orchestrators. */
    static final int ORCHESTRATOR_THREADS = 2;

    final TestDatabase db;
    final SettableClock clock = new SettableClock(START);
    final TemplateLoader loader = new TemplateLoader("test");
    final TaskerEngine engine;

    EngineFixture(TestDatabase db) {
        this(db, config(12, EngineConfig.IdentityStrategy.DEFAULT));
    }

    EngineFixture(TestDatabase db, TaskerConfig config) {
        this.db = db;
        this.engine = TaskerEngine.builder(db.dataSource(), config).clock(clock).random(new SplittableRandom(42)).build();
    }

    static TaskerConfig config(int maxConcurrentSteps, EngineConfig.IdentityStrategy identity) {
        BackoffConfig backoff = new BackoffConfig(List.of(1, 2, 4, 8, 16, 32), 300, 2.0, false, 0.1);
        return new TaskerConfig(backoff, new ExecutionConfig(maxConcurrentSteps, 300, 512, 16 * 1024 * 1024, ORCHESTRATOR_THREADS),
                null, new EngineConfig(identity, false), Map.of());
    }

    TaskTemplate register(String yaml) {
        TaskTemplate template = loader.parse(yaml, "test-template.yaml");
        try {
            engine.register(template);
        } catch (HandlerResolutionException e) {
            throw new IllegalStateException(e);
        }
        return template;
    }

    long create(TaskTemplate template, Map<String, Object> context) {
        return engine.createTask(TaskRequest.of(template.namespace(), template.name(), template.version(), context))
                .taskId();
    }

    TaskResult run(long taskId) {
        try {
            return engine.run(taskId).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("run of task " + taskId + " failed", e);
        }
    }

    /** The step's transitions in order, as "from>to" (from is "-" for the first). */
    List<String> stepTransitions(long taskId, String step) {
        return strings("""
                SELECT coalesce(t.from_state, '-') || '>' || t.to_state
                  FROM tasker_workflow_step_transitions t
                  JOIN tasker_workflow_steps ws ON ws.workflow_step_id = t.workflow_step_id
                  JOIN tasker_named_steps ns ON ns.named_step_id = ws.named_step_id
                 WHERE ws.task_id = ? AND ns.name = ? ORDER BY t.sort_key""", taskId, step);
    }

    List<String> taskTransitions(long taskId) {
        return strings("SELECT coalesce(from_state, '-') || '>' || to_state FROM tasker_task_transitions"
                + " WHERE task_id = ? ORDER BY sort_key", taskId);
    }

    long count(String sql, Object... args) {
        return Long.parseLong(strings(sql, args).getFirst());
    }

    List<String> strings(String sql, Object... args) {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            List<String> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(r.getString(1));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        engine.close();
    }
}
