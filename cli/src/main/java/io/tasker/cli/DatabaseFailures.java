package io.tasker.cli;

import io.tasker.core.config.DatabaseConfig;
import io.tasker.core.database.Database;
import io.tasker.core.database.DatabaseUnavailableException;
import io.tasker.core.database.DatabaseUrl;

/**
 * Names the database in failures that mean it cannot be used. Deep inside the engine a lost connection is
 * reported by the statement that noticed it; the user needs to know which database to go and look at.
 */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /** {@code failure} as a {@link ServiceUnavailableException} if it means the database is unavailable, else itself. */
    public static RuntimeException translate(RuntimeException failure, DatabaseConfig database) {
        if (failure instanceof ServiceUnavailableException) {
            return failure;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DatabaseUnavailableException unavailable) {
                return new ServiceUnavailableException(naming(database, unavailable.getMessage()), failure);
            }
        }
        if (DatabaseUnavailableException.isConnectionFailure(failure)) {
            return new ServiceUnavailableException(naming(database, failure.getMessage()), failure);
        }
        return failure;
    }

    /** Which database the configuration selects, for people: the URL without password, or the embedded data folder. */
    public static String describe(DatabaseConfig database) {
        if (database.url() == null || database.url().isBlank()) {
            return "the embedded PostgreSQL with data in " + Database.embeddedDataDirectory(database);
        }
        return DatabaseUrl.parse(database.url()).display();
    }

    private static String naming(DatabaseConfig database, String message) {
        String target = describe(database);
        String text = message == null ? "no reason given" : message;
        return text.contains(target) ? text : "the database " + target + " is unavailable: " + text;
    }
}
