package io.tasker.it.database;

import io.tasker.core.config.DatabaseConfig;
import io.tasker.core.database.Database;
import java.util.List;

/**
 * Run in a child JVM by the tests: opens the embedded database in the folder given as the first
 * argument, optionally writes a namespace named by the second, and prints what it found on one line.
 */
public final class OpenEmbeddedDatabase {

    static final String RESULT_PREFIX = "RESULT ";

    private OpenEmbeddedDatabase() {
    }

    public static void main(String[] arguments) {
        try (Database database = Database.open(durableConfig(arguments[0]))) {
            if (arguments.length > 1) {
                Queries.update(database.dataSource(), "insert_namespace.sql", arguments[1]);
            }
            List<String> instance = Queries.row(database.dataSource(), "server_instance.sql");
            System.out.println(RESULT_PREFIX + String.join("|", instance.get(0), instance.get(1),
                    database.describe().contains("already running") ? "reused" : "started"));
        }
    }

    static DatabaseConfig durableConfig(String dataDirectory) {
        return new DatabaseConfig(null, null, null, 4, 5, 30, dataDirectory, true);
    }
}
