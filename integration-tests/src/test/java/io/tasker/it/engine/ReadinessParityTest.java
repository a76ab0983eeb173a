package io.tasker.it.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tasker.core.engine.StepReadiness;
import io.tasker.core.database.Jdbc;
import io.tasker.core.database.Sql;
import io.tasker.core.persistence.StoredTask;
import io.tasker.core.persistence.TaskStore;
import io.tasker.core.template.TaskTemplate;
import io.tasker.it.engine.handlers.Noop;
import io.tasker.testkit.TaskerDatabaseExtension;
import io.tasker.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Java readiness must agree with the SQL function {@code get_step_readiness_status} row for row, on random
 * DAGs with random step states, attempts, limits, backoffs and failure times around the same "now".
 */
@ExtendWith(TaskerDatabaseExtension.class)
class ReadinessParityTest {
    private static final Sql SET_STEP = Sql.load(ReadinessParityTest.class, "parity_set_step.sql");
    private static final Sql CLEAR_MOST_RECENT = Sql.load(ReadinessParityTest.class, "parity_clear_most_recent.sql");
    private static final Sql ADD_TRANSITION = Sql.load(ReadinessParityTest.class, "parity_add_transition.sql");
    private static final Sql SQL_READINESS = Sql.load(ReadinessParityTest.class, "parity_sql_readiness.sql");
    private static final String[] STATES = {"pending", "in_progress", "complete", "error", "cancelled", "resolved_manually"};

    record Verdict(long stepId, String state, boolean satisfied, boolean eligible, boolean ready, Instant nextRetryAt) {
    }

    @Test
    void java_and_sql_readiness_agree_on_random_dags_and_states(TestDatabase db) throws SQLException {
        SplittableRandom random = new SplittableRandom(20261123);
        int readySeen = 0;
        try (EngineFixture fx = new EngineFixture(db)) {
            for (int round = 0; round < 40; round++) {
                TaskTemplate template = fx.register(randomDag("dag_" + round, 2 + random.nextInt(25), random));
                long taskId = fx.create(template, Map.of());
                Instant now = scramble(db, taskId, random);
                List<Verdict> sql = sqlVerdicts(db, taskId);
                List<Verdict> java = javaVerdicts(db, template, taskId, now);
                assertThat(java).as("round %d", round).containsExactlyElementsOf(sql);
                readySeen += (int) sql.stream().filter(Verdict::ready).count();
            }
        }
        assertThat(readySeen).as("the random states must exercise ready steps too").isGreaterThan(20);
    }

    private static String randomDag(String name, int size, SplittableRandom random) {
        StringBuilder yaml = new StringBuilder("name: " + name + "\nversion: 1.0.0\ntask_handler_class: Dag\nstep_templates:\n");
        for (int i = 0; i < size; i++) {
            yaml.append("  - name: s").append(i).append("\n    handler_class: ").append(Noop.class.getName()).append('\n');
            List<String> parents = new ArrayList<>();
            for (int p = 0; p < i; p++) {
                if (random.nextInt(4) == 0) {
                    parents.add("s" + p);
                }
            }
            if (!parents.isEmpty()) {
                yaml.append("    depends_on_steps: [").append(String.join(", ", parents)).append("]\n");
            }
        }
        return yaml.toString();
    }

    /** Gives every step a random state and returns the database's "now" the states were placed around. */
    private static Instant scramble(TestDatabase db, long taskId, SplittableRandom random) throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            Instant now = Jdbc.query(c, new Sql("now", "SELECT now()"), s -> { }, r -> r.getTimestamp(1).toInstant())
                    .getFirst();
            List<Long> steps = Jdbc.query(c, new Sql("steps", "SELECT workflow_step_id FROM tasker_workflow_steps"
                    + " WHERE task_id = ? ORDER BY workflow_step_id"), s -> s.setLong(1, taskId), r -> r.getLong(1));
            for (long stepId : steps) {
                scrambleStep(c, taskId, stepId, now, random);
            }
            return now;
        }
    }

    private static void scrambleStep(Connection c, long taskId, long stepId, Instant now, SplittableRandom random)
            throws SQLException {
        String state = random.nextInt(3) == 0 ? "pending" : STATES[random.nextInt(STATES.length)];
        Jdbc.update(c, SET_STEP, s -> {
            s.setInt(1, random.nextInt(5));
            s.setObject(2, random.nextInt(6) == 0 ? null : 1 + random.nextInt(4));
            s.setBoolean(3, random.nextInt(5) != 0);
            s.setBoolean(4, random.nextInt(8) == 0);
            s.setBoolean(5, random.nextInt(8) == 0);
            s.setObject(6, random.nextBoolean() ? null : random.nextInt(20));
            s.setTimestamp(7, random.nextBoolean() ? null : Timestamp.from(now.minusSeconds(random.nextInt(30))));
            s.setLong(8, stepId);
        });
        Jdbc.update(c, CLEAR_MOST_RECENT, s -> s.setLong(1, stepId));
        if (random.nextInt(3) == 0) {
            addTransition(c, taskId, stepId, "error", 5, false, now.minusSeconds(20 + random.nextInt(30)));
        }
        addTransition(c, taskId, stepId, state, 10, true, now.minusSeconds(random.nextInt(40)));
    }

    private static void addTransition(Connection c, long taskId, long stepId, String state, int sortKey, boolean mostRecent,
                                      Instant at) throws SQLException {
        Jdbc.update(c, ADD_TRANSITION, s -> {
            s.setLong(1, stepId);
            s.setLong(2, taskId);
            s.setString(3, state);
            s.setInt(4, sortKey);
            s.setBoolean(5, mostRecent);
            s.setTimestamp(6, Timestamp.from(at));
            s.setTimestamp(7, Timestamp.from(at));
        });
    }

    private static List<Verdict> sqlVerdicts(TestDatabase db, long taskId) throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            return Jdbc.query(c, SQL_READINESS, s -> s.setLong(1, taskId), ReadinessParityTest::sqlRow);
        }
    }

    private static Verdict sqlRow(ResultSet r) throws SQLException {
        Timestamp next = r.getTimestamp("next_retry_at");
        return new Verdict(r.getLong("workflow_step_id"), r.getString("current_state"),
                r.getBoolean("dependencies_satisfied"), r.getBoolean("retry_eligible"),
                r.getBoolean("ready_for_execution"), next == null ? null : next.toInstant());
    }

    private static List<Verdict> javaVerdicts(TestDatabase db, TaskTemplate template, long taskId, Instant now) {
        StoredTask stored = new TaskStore(new Jdbc(db.dataSource())).load(taskId).orElseThrow();
        return StepReadiness.of(stored, template).evaluate(now).stream()
                .sorted(java.util.Comparator.comparingLong(StepReadiness.Row::stepId))
                .map(r -> new Verdict(r.stepId(), r.currentState(), r.dependenciesSatisfied(), r.retryEligible(),
                        r.readyForExecution(), r.nextRetryAt()))
                .toList();
    }
}
