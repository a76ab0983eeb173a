package io.tasker.core.template;

/**
 * Lengths of the columns that template values are stored in (db/migration/V001__tasker_schema.sql), checked
 * when the template is loaded so that a long name fails with its file and line instead of at the first insert.
 */
final class ColumnLimits {
    static final int NAMESPACE = 64;
    static final int TASK_NAME = 64;
    static final int VERSION = 16;
    static final int DEPENDENT_SYSTEM = 64;
    static final int STEP_NAME = 128;
    static final int DESCRIPTION = 255;
    /** Not a column: class names and event names are stored in JSON, but a longer one is surely a mistake. */
    static final int IDENTIFIER = 255;

    private ColumnLimits() {
    }
}
