package io.tasker.core.maintenance;

import io.tasker.core.database.Sql;

/**
 * The tables a purge removes rows from, in the order it removes them: rows that point at others first, so that
 * no foreign key is ever violated, and the task rows last. Each has a statement that deletes the batch's rows and
 * one that moves them into its {@code tasker_archived_*} table.
 */
enum PurgedTable {
    STEP_TRANSITIONS("tasker_workflow_step_transitions", "step_transitions"),
    EDGES("tasker_workflow_step_edges", "edges"),
    TASK_ANNOTATIONS("tasker_task_annotations", "task_annotations"),
    TASK_TRANSITIONS("tasker_task_transitions", "task_transitions"),
    STEPS("tasker_workflow_steps", "steps"),
    TASKS("tasker_tasks", "tasks");

    private final String tableName;
    private final Sql delete;
    private final Sql archive;

    PurgedTable(String tableName, String statement) {
        this.tableName = tableName;
        this.delete = Sql.load(PurgedTable.class, "delete_" + statement + ".sql");
        this.archive = Sql.load(PurgedTable.class, "archive_" + statement + ".sql");
    }

    String tableName() {
        return tableName;
    }

    Sql statement(boolean archiving) {
        return archiving ? archive : delete;
    }
}
