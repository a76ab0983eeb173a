package io.tasker.core.database;

import java.util.Arrays;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;

/**
 * Tasker's schema through Flyway: versioned migrations from {@code classpath:db/migration} and the
 * repeatable SQL functions from {@code classpath:db/functions}.
 */
public final class Migrations {

    static final String[] LOCATIONS = {"classpath:db/migration", "classpath:db/functions"};

    private final Flyway flyway;
    private final String database;
    private final boolean embedded;

    public Migrations(DataSource dataSource, String database, boolean embedded) {
        this.flyway = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATIONS)
                .failOnMissingLocations(false)
                .validateMigrationNaming(true)
                .cleanDisabled(true)
                .load();
        this.database = database;
        this.embedded = embedded;
    }

    /** Applies the pending migrations; Flyway's advisory lock lets concurrent starts migrate one at a time. */
    public MigrationStatus migrate() {
        try {
            flyway.migrate();
            return status();
        } catch (FlywayException e) {
            throw translated("migrating", e);
        }
    }

    public MigrationStatus status() {
        try {
            MigrationInfoService info = flyway.info();
            return new MigrationStatus(database, embedded, currentVersion(info), info.applied().length, info.pending().length);
        } catch (FlywayException e) {
            throw translated("reading its migration status", e);
        }
    }

    private static String currentVersion(MigrationInfoService info) {
        return Arrays.stream(info.applied())
                .map(MigrationInfo::getVersion)
                .filter(version -> version != null)
                .reduce((first, last) -> last)
                .map(Object::toString)
                .orElse(null);
    }

    private RuntimeException translated(String action, FlywayException e) {
        if (DatabaseUnavailableException.isConnectionFailure(e)) {
            return new DatabaseUnavailableException(
                    "Lost the database " + database + " while " + action + ": " + e.getMessage(), e);
        }
        return e;
    }
}
