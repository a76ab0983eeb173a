package io.tasker.core.handler;

/** A handler class that cannot be found or built; the message names the step, the class and why. */
public class HandlerResolutionException extends Exception {
    public HandlerResolutionException(String message) {
        super(message);
    }

    public HandlerResolutionException(String message, Throwable cause) {
        super(message, cause);
    }
}
