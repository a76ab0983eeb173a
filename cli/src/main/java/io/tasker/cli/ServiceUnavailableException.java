package io.tasker.cli;

/**
 * The database a command needs cannot be used. Carries which database was meant (its URL without password, or
 * the embedded server's data folder), since the failure deep inside the engine may not say.
 */
public final class ServiceUnavailableException extends RuntimeException {

    public ServiceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
