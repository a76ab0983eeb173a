-- Archive tables for `tasker purge --archive`: finished tasks older than a cutoff are moved here, in batches,
-- with their steps, edges, transitions and annotations, so that the live tables stay small and the history is
-- kept. Each table has the columns of its live table, in the same order (LIKE copies names, types and NOT NULL,
-- but no keys, defaults or identity), so that rows move with INSERT ... SELECT *. A later migration that adds a
-- column to a live table adds it to its archive table too; the purge tests fail loudly otherwise.
-- The archive is read by task_id only (an operator looking up an old task), so that is the one index per table.

CREATE TABLE tasker_archived_tasks (LIKE tasker_tasks);
CREATE INDEX tasker_archived_tasks_task_id_index ON tasker_archived_tasks (task_id);

CREATE TABLE tasker_archived_workflow_steps (LIKE tasker_workflow_steps);
CREATE INDEX tasker_archived_workflow_steps_task_id_index ON tasker_archived_workflow_steps (task_id);

CREATE TABLE tasker_archived_workflow_step_edges (LIKE tasker_workflow_step_edges);
CREATE INDEX tasker_archived_workflow_step_edges_task_id_index ON tasker_archived_workflow_step_edges (task_id);

CREATE TABLE tasker_archived_task_transitions (LIKE tasker_task_transitions);
CREATE INDEX tasker_archived_task_transitions_task_id_index ON tasker_archived_task_transitions (task_id);

CREATE TABLE tasker_archived_workflow_step_transitions (LIKE tasker_workflow_step_transitions);
CREATE INDEX tasker_archived_workflow_step_transitions_task_id_index
    ON tasker_archived_workflow_step_transitions (task_id);

CREATE TABLE tasker_archived_task_annotations (LIKE tasker_task_annotations);
CREATE INDEX tasker_archived_task_annotations_task_id_index ON tasker_archived_task_annotations (task_id);
