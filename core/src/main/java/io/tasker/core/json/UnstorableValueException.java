package io.tasker.core.json;

/** A value that cannot be stored as JSON; the message names where inside the value and what it is. */
public final class UnstorableValueException extends IllegalArgumentException {
    private final String path;

    public UnstorableValueException(String path, String what) {
        super("cannot store " + what + " at " + path);
        this.path = path;
    }

    public String path() {
        return path;
    }
}
