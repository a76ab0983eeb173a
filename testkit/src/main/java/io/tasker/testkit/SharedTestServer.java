package io.tasker.testkit;

import io.tasker.core.database.DatabaseUnavailableException;
import io.tasker.core.database.EmbeddedPostgres;
import io.tasker.core.database.EmbeddedServer;
import io.tasker.core.database.Migrations;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * This JVM's test PostgreSQL and its migrated template database. Databases are created and dropped over
 * one administrative connection to {@code postgres}, one statement at a time: a template cannot be copied
 * twice at once.
 */
final class SharedTestServer {

    private static final String TEMPLATE = "tasker_template";

    private static SharedTestServer instance;
    private static RuntimeException startFailure;

    private final EmbeddedServer server;
    private final Connection admin;
    private final AtomicInteger databaseCount = new AtomicInteger();

    private SharedTestServer(EmbeddedServer server, Connection admin) {
        this.server = server;
        this.admin = admin;
    }

    /** Started on first use; a failed start is reported again to every later caller instead of being retried. */
    static synchronized SharedTestServer instance() {
        if (startFailure != null) {
            throw new IllegalStateException("The test PostgreSQL failed to start earlier in this JVM", startFailure);
        }
        if (instance == null) {
            try {
                instance = start();
            } catch (RuntimeException e) {
                startFailure = e;
                throw e;
            }
        }
        return instance;
    }

    synchronized TestDatabase newDatabase() {
        String name = "test_" + databaseCount.incrementAndGet();
        execute(TestSql.format("create_database_from_template.sql", name, TEMPLATE));
        return new TestDatabase(server.jdbcUrl(name), server.username(), server.password(), () -> drop(name));
    }

    private synchronized void drop(String name) {
        execute(TestSql.format("drop_database.sql", name));
    }

    private static SharedTestServer start() {
        EmbeddedServer server = EmbeddedPostgres.startThrowaway();
        SharedTestServer shared = new SharedTestServer(server, connect(server, "postgres"));
        shared.execute(TestSql.format("create_database.sql", TEMPLATE));
        new Migrations(dataSource(server, TEMPLATE), "test template " + TEMPLATE, true).migrate();
        shared.execute(TestSql.format("seal_template.sql", TEMPLATE));
        return shared;
    }

    private void execute(String sql) {
        try (Statement statement = admin.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Test database statement failed: " + sql, e);
        }
    }

    private static Connection connect(EmbeddedServer server, String database) {
        try {
            return dataSource(server, database).getConnection();
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("Cannot connect to the test PostgreSQL " + server.jdbcUrl(database), e);
        }
    }

    /** Unpooled on purpose: a template must have no open connection when it is copied. */
    private static PGSimpleDataSource dataSource(EmbeddedServer server, String database) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(server.jdbcUrl(database));
        dataSource.setUser(server.username());
        dataSource.setPassword(server.password());
        return dataSource;
    }
}
