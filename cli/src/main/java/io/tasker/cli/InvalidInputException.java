package io.tasker.cli;

/** Input given to a command that cannot be used; the message names the flag or file and what was expected. */
public final class InvalidInputException extends RuntimeException {

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
