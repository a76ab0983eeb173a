package io.tasker.core.database;

import java.sql.SQLException;

/**
 * The database cannot be reached or started. The message names the database (never its password) and
 * the cause; the CLI maps this exception to exit code 3.
 */
public final class DatabaseUnavailableException extends RuntimeException {

    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public DatabaseUnavailableException(String message) {
        super(message);
    }

    static DatabaseUnavailableException cannotConnect(String database, Throwable cause) {
        return new DatabaseUnavailableException(
                "Cannot connect to the database " + database + ": " + firstSqlMessage(cause), cause);
    }

    /**
     * Whether a failure means the connection to PostgreSQL is gone or cannot be made, rather than that a
     * statement was wrong or the pool was busy: SQLSTATE class 08 (connection exception) or 57P01-57P03
     * (the server shuts down or is starting). HikariCP's timeout carries the state of the last failed
     * connection attempt, so a pool waiting on a dead server counts and a merely exhausted pool does not.
     */
    public static boolean isConnectionFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]"))) {
                return true;
            }
        }
        return false;
    }

    private static String firstSqlMessage(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof SQLException && t.getMessage() != null) {
                return t.getMessage();
            }
        }
        return String.valueOf(cause.getMessage());
    }
}
