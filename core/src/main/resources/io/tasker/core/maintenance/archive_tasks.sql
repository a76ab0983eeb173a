-- Moves the batch's rows of tasker_tasks into tasker_archived_tasks (same columns, same order).
WITH moved AS (DELETE FROM tasker_tasks WHERE task_id = ANY (?::bigint[]) RETURNING *)
INSERT INTO tasker_archived_tasks SELECT * FROM moved
