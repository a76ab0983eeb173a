-- Moves the batch's rows of tasker_workflow_step_edges into tasker_archived_workflow_step_edges (same columns, same order).
WITH moved AS (DELETE FROM tasker_workflow_step_edges WHERE task_id = ANY (?::bigint[]) RETURNING *)
INSERT INTO tasker_archived_workflow_step_edges SELECT * FROM moved
