package io.tasker.core.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool.PoolInitializationException;
import io.tasker.core.config.DatabaseConfig;
import java.time.Duration;

/**
 * HikariCP pools built from {@link DatabaseConfig}. The first connection is made before the pool is
 * returned, once, bounded by the connect timeout, so a database that is down fails in seconds.
 */
public final class DataSources {

    private static final String APPLICATION_NAME = "tasker";

    private DataSources() {
    }

    /**
     * A pool on {@code config.url()}. User and password given in the URL win over {@code config.username()} and
     * {@code config.password()}, which fill in what the URL leaves out.
     *
     * @throws DatabaseUnavailableException when no connection can be made; the message names the URL, not the password
     * @throws IllegalArgumentException when the URL or a pool setting is invalid
     */
    public static HikariDataSource create(DatabaseConfig config) {
        checkSettings(config);
        DatabaseUrl url = DatabaseUrl.parse(config.url()).withFallbackCredentials(config.username(), config.password());
        try {
            return new HikariDataSource(hikariConfig(config, url));
        } catch (PoolInitializationException e) {
            throw DatabaseUnavailableException.cannotConnect(url.display(), e.getCause() == null ? e : e.getCause());
        }
    }

    private static HikariConfig hikariConfig(DatabaseConfig config, DatabaseUrl url) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName(APPLICATION_NAME);
        hikari.setJdbcUrl(url.jdbcUrl());
        hikari.setUsername(url.username());
        hikari.setPassword(url.password());
        hikari.setMaximumPoolSize(config.poolSize());
        // Connections beyond the first are opened on demand: idle engines and test databases hold one.
        hikari.setMinimumIdle(1);
        hikari.setConnectionTimeout(Duration.ofSeconds(config.connectTimeoutSeconds()).toMillis());
        // One attempt, no retry loop: "down" must be reported at once, not after 30 s.
        hikari.setInitializationFailTimeout(1);
        hikari.addDataSourceProperty("connectTimeout", config.connectTimeoutSeconds());
        hikari.addDataSourceProperty("loginTimeout", config.connectTimeoutSeconds());
        hikari.addDataSourceProperty("tcpKeepAlive", true);
        hikari.addDataSourceProperty("ApplicationName", APPLICATION_NAME);
        if (config.statementTimeoutSeconds() > 0) {
            hikari.addDataSourceProperty("options", "-c statement_timeout=" + config.statementTimeoutSeconds() + "s");
        }
        return hikari;
    }

    private static void checkSettings(DatabaseConfig config) {
        if (config.poolSize() < 1) {
            throw new IllegalArgumentException("database.pool_size must be at least 1, was " + config.poolSize());
        }
        if (config.connectTimeoutSeconds() < 1) {
            throw new IllegalArgumentException(
                    "database.connect_timeout_seconds must be at least 1, was " + config.connectTimeoutSeconds());
        }
        if (config.statementTimeoutSeconds() < 0) {
            throw new IllegalArgumentException("database.statement_timeout_seconds must be 0 (no limit) or more, was "
                    + config.statementTimeoutSeconds());
        }
    }
}
