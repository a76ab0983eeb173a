package io.tasker.cli.inspect;

import io.tasker.cli.InvalidInputException;
import io.tasker.core.query.TaskQueries;
import io.tasker.core.query.TaskStatus;

/** Finds the task a command names, or says that the database in use has no such task. */
public final class TaskLookup {

    private TaskLookup() {
    }

    /**
     * @param database which database was searched, for people (see {@link io.tasker.cli.DatabaseFailures#describe})
     * @throws InvalidInputException naming the id and the database
     */
    public static TaskStatus require(TaskQueries queries, long taskId, String database) {
        return queries.status(taskId).orElseThrow(() -> new InvalidInputException("TASK_ID " + taskId
                + ": no such task in " + database + "; expected the id of an existing task (see 'tasker tasks')"));
    }
}
