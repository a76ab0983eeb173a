package io.tasker.core.database;

/**
 * The schema state of one database, as {@code tasker db status} reports it.
 *
 * @param database the database, described without its password
 * @param embedded whether it is the embedded PostgreSQL
 * @param currentVersion the highest applied versioned migration, or null for an empty schema
 * @param appliedCount migrations applied so far (versioned and repeatable)
 * @param pendingCount migrations the next {@code migrate} would apply
 */
public record MigrationStatus(String database, boolean embedded, String currentVersion, int appliedCount, int pendingCount) {

    public boolean upToDate() {
        return pendingCount == 0;
    }
}
