package io.tasker.bench;

import io.tasker.core.config.ConfigLoader;
import io.tasker.core.engine.StepReadiness;
import io.tasker.core.engine.TaskRequest;
import io.tasker.core.engine.TaskerEngine;
import io.tasker.core.database.Jdbc;
import io.tasker.core.database.Sql;
import io.tasker.core.persistence.TaskStore;
import io.tasker.core.template.TaskTemplate;
import io.tasker.testkit.TestDatabase;
import io.tasker.testkit.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Readiness of every step of one task with 1,000 steps (a random DAG, up to three parents per step):
 * decided in Java from the in-memory DAG versus one call of the SQL function
 * {@code get_step_readiness_status} on the same task, rows read back.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ReadinessBenchmark {
    private static final Sql SQL_READINESS = new Sql("readiness", "SELECT * FROM get_step_readiness_status(?)");

    @Param({"1000"})
    int steps;

    private TestDatabase db;
    private StepReadiness readiness;
    private Connection connection;
    private PreparedStatement statement;
    private long taskId;
    private final Instant now = Instant.now();

    @Setup(Level.Trial)
    public void createTask() throws Exception {
        db = TestDatabases.fresh();
        TaskTemplate template = Templates.randomDag("dag_" + steps, steps, 7);
        try (TaskerEngine engine = TaskerEngine.builder(db.dataSource(), ConfigLoader.defaults()).build()) {
            engine.register(template);
            taskId = engine.createTask(TaskRequest.of(template.namespace(), template.name(), template.version(),
                    Map.of())).taskId();
        }
        readiness = StepReadiness.of(new TaskStore(new Jdbc(db.dataSource())).load(taskId).orElseThrow(), template);
        connection = db.dataSource().getConnection();
        statement = connection.prepareStatement(SQL_READINESS.text());
        statement.setLong(1, taskId);
    }

    @Benchmark
    public List<StepReadiness.Row> javaAllRows() {
        return readiness.evaluate(now);
    }

    @Benchmark
    public int javaReadyCount() {
        return readiness.countReady(now);
    }

    @Benchmark
    public void sqlFunction(Blackhole hole) throws SQLException {
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                hole.consume(rows.getBoolean("ready_for_execution"));
            }
        }
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        statement.close();
        connection.close();
        db.close();
    }
}
