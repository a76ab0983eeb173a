package io.tasker.core.database;

import com.zaxxer.hikari.HikariDataSource;
import io.tasker.core.config.DatabaseConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database tasker works on: the one {@code database.url} names, or else the embedded PostgreSQL in
 * {@code database.embedded_data_directory}; pooled, and migrated by {@link #open}. Closing it closes the
 * pool; an embedded server keeps running for the next run.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource dataSource;
    private final String description;
    private final boolean embedded;
    private final DatabaseConfig connected;

    private Database(HikariDataSource dataSource, String description, boolean embedded, DatabaseConfig connected) {
        this.dataSource = dataSource;
        this.description = description;
        this.embedded = embedded;
        this.connected = connected;
    }

    /**
     * The configuration as connected: for the embedded server, its actual URL and credentials. For what needs a
     * connection of its own outside the pool (a worker's LISTEN connection).
     */
    public DatabaseConfig connectedConfig() {
        return connected;
    }

    /** Connects (starting or reusing the embedded server if no URL is set) and applies pending migrations. */
    public static Database open(DatabaseConfig config) {
        Database database = connect(config);
        try {
            database.migrations().migrate();
            return database;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** Connects without migrating, for {@code tasker db status} and {@code tasker db migrate}. */
    public static Database connect(DatabaseConfig config) {
        return config.url() == null || config.url().isBlank() ? connectEmbedded(config) : connectExternal(config);
    }

    /** The embedded data directory {@code config} names, absolute (relative paths start at the working directory). */
    public static Path embeddedDataDirectory(DatabaseConfig config) {
        String configured = config.embeddedDataDirectory();
        return Path.of(configured == null || configured.isBlank() ? EmbeddedPostgres.DEFAULT_DATA_DIRECTORY : configured)
                .toAbsolutePath().normalize();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Migrations migrations() {
        return new Migrations(dataSource, description, embedded);
    }

    public boolean embedded() {
        return embedded;
    }

    /** Which database is in use, for people: the server version and the URL or the embedded data directory. */
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        dataSource.close();
    }

    @Override
    public String toString() {
        return "Database[" + description + "]";
    }

    private static Database connectEmbedded(DatabaseConfig config) {
        EmbeddedServer server = EmbeddedPostgres.start(embeddedDataDirectory(config), config.embeddedFsync());
        DatabaseConfig connected = new DatabaseConfig(server.jdbcUrl(), server.username(),
                server.password(), config.poolSize(), config.connectTimeoutSeconds(), config.statementTimeoutSeconds(),
                config.embeddedDataDirectory(), config.embeddedFsync());
        HikariDataSource dataSource = DataSources.create(connected);
        warnIfLessDurableThanConfigured(dataSource, config, server);
        return new Database(dataSource, "PostgreSQL " + serverVersion(dataSource) + ", " + server.describe(), true,
                connected);
    }

    private static Database connectExternal(DatabaseConfig config) {
        HikariDataSource dataSource = DataSources.create(config);
        String url = DatabaseUrl.parse(config.url()).display();
        return new Database(dataSource, "PostgreSQL " + serverVersion(dataSource) + " at " + url, false, config);
    }

    private static String serverVersion(HikariDataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductVersion();
        } catch (SQLException e) {
            dataSource.close();
            throw DatabaseUnavailableException.cannotConnect(dataSource.getJdbcUrl(), e);
        }
    }

    /** A server started earlier with fsync off keeps it until it restarts, whatever the configuration says now. */
    private static void warnIfLessDurableThanConfigured(HikariDataSource dataSource, DatabaseConfig config, EmbeddedServer server) {
        if (!config.embeddedFsync() || !server.reused()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet fsync = statement.executeQuery(Sql.load(Database.class, "show_fsync.sql").text())) {
            if (fsync.next() && "off".equals(fsync.getString(1))) {
                LOG.warn("The embedded PostgreSQL in {} runs with fsync off although database.embedded_fsync is on;"
                        + " restart it with 'tasker db stop' to make commits durable", server.dataDirectory());
            }
        } catch (SQLException e) {
            dataSource.close();
            throw DatabaseUnavailableException.cannotConnect(server.jdbcUrl(), e);
        }
    }
}
