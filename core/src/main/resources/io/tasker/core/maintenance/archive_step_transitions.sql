-- Moves the step transitions of the batch's tasks into the archive (see delete_step_transitions.sql).
WITH moved AS (
    DELETE FROM tasker_workflow_step_transitions
     WHERE workflow_step_id IN (SELECT workflow_step_id FROM tasker_workflow_steps WHERE task_id = ANY (?::bigint[]))
    RETURNING *
)
INSERT INTO tasker_archived_workflow_step_transitions SELECT * FROM moved
