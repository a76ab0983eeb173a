package io.tasker.it.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.tasker.core.config.DatabaseConfig;
import io.tasker.core.database.DataSources;
import io.tasker.core.database.DatabaseUnavailableException;
import io.tasker.core.engine.TaskRequest;
import io.tasker.core.engine.TaskResult;
import io.tasker.core.engine.TaskerEngine;
import io.tasker.core.database.Jdbc;
import io.tasker.core.database.Sql;
import io.tasker.core.template.TaskTemplate;
import io.tasker.core.template.TemplateLoader;
import io.tasker.it.engine.handlers.Gate;
import io.tasker.it.engine.handlers.Noop;
import io.tasker.testkit.SettableClock;
import io.tasker.testkit.TaskerDatabaseExtension;
import io.tasker.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The database goes away mid-run: the run fails, what was committed stays, and a rerun by key resumes. */
@ExtendWith(TaskerDatabaseExtension.class)
class OutageTest {
    private static final Sql REFUSE = Sql.load(OutageTest.class, "outage_refuse_connections.sql");
    private static final Sql TERMINATE = Sql.load(OutageTest.class, "outage_terminate.sql");
    private static final Sql ALLOW = Sql.load(OutageTest.class, "outage_allow_connections.sql");

    private static final String TEMPLATE = """
            name: fragile
            version: 1.0.0
            task_handler_class: Fragile
            step_templates:
              - name: slow
                handler_class: %s
              - name: after
                handler_class: %s
                depends_on_step: slow
            """.formatted(Gate.class.getName(), Noop.class.getName());

    @Test
    void a_run_fails_when_the_database_goes_away_and_a_rerun_with_the_same_key_resumes(TestDatabase db) throws Exception {
        Gate.reset();
        SettableClock clock = new SettableClock(EngineFixture.START);
        TaskTemplate template = new TemplateLoader("test").parse(TEMPLATE, "fragile.yaml");
        TaskRequest request = TaskRequest.of("default", "fragile", "1.0.0", Map.of()).withIdempotencyKey("order-42");
        String database = db.jdbcUrl().substring(db.jdbcUrl().lastIndexOf('/') + 1);

        long taskId;
        try (HikariDataSource pool = DataSources.create(fastFailing(db.config()));
             TaskerEngine engine = engine(pool, clock, template)) {
            taskId = engine.createTask(request).taskId();
            CompletableFuture<TaskResult> run = engine.run(taskId);
            Gate.awaitEntered();
            cutOff(db, database);
            Gate.open();
            Throwable failure = failureOf(run);
            assertThat(causes(failure)).anyMatch(t -> t instanceof DatabaseUnavailableException);
        } finally {
            admin(db, ALLOW, database);
        }

        try (EngineFixture reader = new EngineFixture(db)) {
            assertThat(reader.stepTransitions(taskId, "slow"))
                    .as("the claim committed before the outage is still there")
                    .containsExactly("->pending", "pending>in_progress");
        }

        try (HikariDataSource pool = DataSources.create(fastFailing(db.config()));
             TaskerEngine engine = engine(pool, clock, template)) {
            assertThat(engine.createTask(request).created()).isFalse();
            assertThat(engine.findByIdempotencyKey("order-42")).contains(taskId);
            TaskResult resumed = engine.run(taskId).get(30, TimeUnit.SECONDS);
            assertThat(resumed.isWaiting()).as("the abandoned attempt counts as a failed one").isTrue();
            assertThat(resumed.step("slow").error()).contains("Tasker::AbandonedAttempt");
            clock.advance(Duration.ofMinutes(1));
            TaskResult done = engine.run(taskId).get(30, TimeUnit.SECONDS);
            assertThat(done.status()).isEqualTo("complete");
            assertThat(done.step("slow").attempts()).isEqualTo(2);
        }
    }

    private static TaskerEngine engine(HikariDataSource pool, SettableClock clock, TaskTemplate template)
            throws Exception {
        TaskerEngine engine = TaskerEngine.builder(pool, EngineFixture.config(4,
                io.tasker.core.config.EngineConfig.IdentityStrategy.DEFAULT)).clock(clock).build();
        engine.register(template);
        return engine;
    }

    private static DatabaseConfig fastFailing(DatabaseConfig config) {
        return new DatabaseConfig(config.url(), config.username(), config.password(), 2, 1, 10, null, false);
    }

    private static void cutOff(TestDatabase db, String database) throws SQLException {
        admin(db, REFUSE, database);
        try (Connection c = adminConnection(db)) {
            Jdbc.query(c, TERMINATE, s -> s.setString(1, database), r -> r.getLong(1));
        }
    }

    /** Runs the ALTER DATABASE statement that {@code sql} formats for {@code database}. */
    private static void admin(TestDatabase db, Sql sql, String database) throws SQLException {
        try (Connection c = adminConnection(db)) {
            String statement = Jdbc.query(c, sql, s -> s.setString(1, database), r -> r.getString(1)).getFirst();
            c.createStatement().execute(statement);
        }
    }

    private static Connection adminConnection(TestDatabase db) throws SQLException {
        String url = db.jdbcUrl().substring(0, db.jdbcUrl().lastIndexOf('/') + 1) + "postgres";
        return DriverManager.getConnection(url, db.username(), db.password());
    }

    private static Throwable failureOf(CompletableFuture<TaskResult> run) throws Exception {
        try {
            run.get(30, TimeUnit.SECONDS);
            throw new AssertionError("the run should have failed");
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    private static java.util.List<Throwable> causes(Throwable failure) {
        java.util.List<Throwable> chain = new java.util.ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
