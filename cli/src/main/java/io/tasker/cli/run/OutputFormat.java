package io.tasker.cli.run;

/** How {@code tasker run} reports the finished task on stdout. Lower case, as typed on the command line. */
public enum OutputFormat {
    text, json
}
