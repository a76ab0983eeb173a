package io.tasker.cli.db;

import io.tasker.core.database.MigrationStatus;
import java.io.PrintWriter;

/** The schema state as {@code db status} and {@code db migrate} print it. */
final class MigrationReport {

    private MigrationReport() {
    }

    static void print(MigrationStatus status, PrintWriter out) {
        out.println("Database:           " + status.database());
        out.println("Schema version:     " + (status.currentVersion() == null ? "none (empty schema)" : status.currentVersion())
                + " (" + status.appliedCount() + " migrations applied)");
        out.println("Pending migrations: " + (status.upToDate()
                ? "none, the schema is up to date"
                : status.pendingCount() + " (apply them with 'tasker db migrate')"));
    }
}
