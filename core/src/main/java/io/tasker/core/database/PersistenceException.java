package io.tasker.core.database;

/** A SQL statement that failed for a reason other than an unavailable database; the message names the statement. */
public final class PersistenceException extends RuntimeException {
    public PersistenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
