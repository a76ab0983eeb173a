-- Moves the batch's rows of tasker_workflow_steps into tasker_archived_workflow_steps (same columns, same order).
WITH moved AS (DELETE FROM tasker_workflow_steps WHERE task_id = ANY (?::bigint[]) RETURNING *)
INSERT INTO tasker_archived_workflow_steps SELECT * FROM moved
