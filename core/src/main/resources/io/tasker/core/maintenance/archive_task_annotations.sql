-- Moves the batch's rows of tasker_task_annotations into tasker_archived_task_annotations (same columns, same order).
WITH moved AS (DELETE FROM tasker_task_annotations WHERE task_id = ANY (?::bigint[]) RETURNING *)
INSERT INTO tasker_archived_task_annotations SELECT * FROM moved
