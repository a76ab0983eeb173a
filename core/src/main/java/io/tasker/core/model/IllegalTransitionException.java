package io.tasker.core.model;

/** A state change that the transition table does not allow. */
public final class IllegalTransitionException extends IllegalStateException {
    private final String from;
    private final String to;

    public IllegalTransitionException(String kind, String from, String to) {
        super("illegal " + kind + " transition from '" + from + "' to '" + to + "'");
        this.from = from;
        this.to = to;
    }

    public String from() {
        return from;
    }

    public String to() {
        return to;
    }
}
