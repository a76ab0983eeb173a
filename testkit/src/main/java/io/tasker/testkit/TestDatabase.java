package io.tasker.testkit;

import com.zaxxer.hikari.HikariDataSource;
import io.tasker.core.config.DatabaseConfig;
import io.tasker.core.database.DataSources;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * One test's own database on the test PostgreSQL, migrated and empty when it is handed out. Its pool is
 * opened on the first {@link #dataSource()} call; {@link #close()} closes the pool and drops the database,
 * disconnecting whatever else is still connected to it.
 */
public final class TestDatabase implements AutoCloseable {

    private static final int POOL_SIZE = 8;
    private static final int CONNECT_TIMEOUT_SECONDS = 5;
    /** Long enough for any test statement; short enough that a deadlocked test fails instead of hanging the build. */
    private static final int STATEMENT_TIMEOUT_SECONDS = 60;

    private final String jdbcUrl;
    private final String username;
    private final String password;
    private final Runnable drop;
    private final AtomicBoolean closed = new AtomicBoolean();
    private HikariDataSource pool;

    TestDatabase(String jdbcUrl, String username, String password, Runnable drop) {
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
        this.drop = drop;
    }

    public synchronized DataSource dataSource() {
        if (closed.get()) {
            throw new IllegalStateException("Test database " + jdbcUrl + " is closed");
        }
        if (pool == null) {
            pool = DataSources.create(config());
        }
        return pool;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    /** A configuration pointing at this database, for code under test that opens its own pool. */
    public DatabaseConfig config() {
        return new DatabaseConfig(jdbcUrl, username, password, POOL_SIZE, CONNECT_TIMEOUT_SECONDS,
                STATEMENT_TIMEOUT_SECONDS, null, false);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            synchronized (this) {
                if (pool != null) {
                    pool.close();
                }
            }
            drop.run();
        }
    }

    @Override
    public String toString() {
        return "TestDatabase[" + jdbcUrl + "]";
    }
}
