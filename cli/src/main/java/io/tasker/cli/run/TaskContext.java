package io.tasker.cli.run;

import java.util.Map;

/**
 * The context a task is created with and where it came from, so that a context the schema rejects is reported
 * against the flag or file the user has to fix.
 *
 * @param source {@code --context}, {@code --context-file FILE}, or a note that neither was given
 */
record TaskContext(Map<String, Object> values, String source) {

    static final TaskContext EMPTY = new TaskContext(Map.of(), "the context {} (neither --context nor --context-file was given)");
}
