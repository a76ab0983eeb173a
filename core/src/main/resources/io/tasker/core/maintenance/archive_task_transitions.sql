-- Moves the batch's rows of tasker_task_transitions into tasker_archived_task_transitions (same columns, same order).
WITH moved AS (DELETE FROM tasker_task_transitions WHERE task_id = ANY (?::bigint[]) RETURNING *)
INSERT INTO tasker_archived_task_transitions SELECT * FROM moved
