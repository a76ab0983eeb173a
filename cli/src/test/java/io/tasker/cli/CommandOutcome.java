package io.tasker.cli;

/** What one in-process run of the {@code tasker} command returned and printed. */
record CommandOutcome(int exitCode, String out, String err) {

    @Override
    public String toString() {
        return "exit code " + exitCode + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
    }
}
