package io.tasker.it.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Writes Tasker rows with plain JDBC exactly as a test wants them: namespaces, named tasks, tasks, steps
 * with any attempts, flags and backoff, edges, and transition rows with chosen {@code created_at},
 * {@code sort_key} and {@code most_recent}. Nothing is validated: tests state the data, the SQL functions
 * under test judge it.
 *
 * <p>{@link #inTransaction(DataSource)} opens a connection whose work is rolled back on {@link #close()};
 * inside it PostgreSQL's {@code now()} is fixed, so data placed relative to {@link #now()} sits at an exact
 * distance from the "now" that the functions see. {@link #on(Connection)} leaves transactions to the caller.
 */
public final class WorkflowFixture implements AutoCloseable {

    private static final String DEPENDENT_SYSTEM = "fixture_system";

    private static final String FIND_OR_CREATE_NAMESPACE = """
            INSERT INTO tasker_task_namespaces (name) VALUES (?)
            ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name
            RETURNING task_namespace_id""";
    private static final String FIND_OR_CREATE_NAMED_TASK = """
            INSERT INTO tasker_named_tasks (task_namespace_id, name, version) VALUES (?, ?, ?)
            ON CONFLICT (task_namespace_id, name, version) DO UPDATE SET name = EXCLUDED.name
            RETURNING named_task_id""";
    private static final String FIND_OR_CREATE_DEPENDENT_SYSTEM = """
            INSERT INTO tasker_dependent_systems (name) VALUES (?)
            ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name
            RETURNING dependent_system_id""";
    private static final String INSERT_TASK = """
            INSERT INTO tasker_tasks (named_task_id, identity_hash, context, created_at, requested_at)
            VALUES (?, ?, '{}'::jsonb, ?, ?)
            RETURNING task_id""";

    private final Connection connection;
    private final boolean ownsConnection;
    private Integer dependentSystemId;

    private WorkflowFixture(Connection connection, boolean ownsConnection) {
        this.connection = connection;
        this.ownsConnection = ownsConnection;
    }

    /** A fixture writing through the caller's connection; the caller commits or rolls back. */
    public static WorkflowFixture on(Connection connection) {
        return new WorkflowFixture(connection, false);
    }

    /** A fixture on a new connection in one transaction, rolled back and closed by {@link #close()}. */
    public static WorkflowFixture inTransaction(DataSource dataSource) throws SQLException {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        return new WorkflowFixture(connection, true);
    }

    public Connection connection() {
        return connection;
    }

    /** PostgreSQL's {@code now()}: the start of the current transaction, the "now" of the SQL functions. */
    public Instant now() throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT now()");
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getObject(1, OffsetDateTime.class).toInstant();
        }
    }

    /** A task of the named task {@code fixture_task} 0.1.0 in the namespace {@code default}. */
    public TaskFixture newTask() throws SQLException {
        return newTask("default", "fixture_task", "0.1.0");
    }

    /** A task of the given named task, created with its namespace when they do not exist yet. */
    public TaskFixture newTask(String namespace, String taskName, String version) throws SQLException {
        return newTask(namespace, taskName, version, now());
    }

    /** As {@link #newTask(String, String, String)}, with the task's {@code created_at} and {@code requested_at}. */
    public TaskFixture newTask(String namespace, String taskName, String version, Instant createdAt)
            throws SQLException {
        int namespaceId = Math.toIntExact(queryForLong(FIND_OR_CREATE_NAMESPACE, namespace));
        int namedTaskId =
                Math.toIntExact(queryForLong(FIND_OR_CREATE_NAMED_TASK, namespaceId, taskName, version));
        long taskId = queryForLong(INSERT_TASK, namedTaskId, UUID.randomUUID().toString(), createdAt, createdAt);
        return new TaskFixture(this, taskId, namedTaskId);
    }

    int dependentSystemId() throws SQLException {
        if (dependentSystemId == null) {
            dependentSystemId = Math.toIntExact(queryForLong(FIND_OR_CREATE_DEPENDENT_SYSTEM, DEPENDENT_SYSTEM));
        }
        return dependentSystemId;
    }

    /** Runs a statement that returns one row with a number first: an INSERT ... RETURNING key, or a SELECT. */
    long queryForLong(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    int update(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        }
    }

    static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i];
            if (value instanceof Instant instant) {
                statement.setObject(i + 1, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }

    @Override
    public void close() throws SQLException {
        if (ownsConnection) {
            try {
                connection.rollback();
            } finally {
                connection.close();
            }
        }
    }
}
