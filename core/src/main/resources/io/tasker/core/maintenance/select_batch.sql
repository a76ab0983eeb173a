-- The next batch of finished tasks: in one of the given states since before the cutoff (the time of their most
-- recent transition, i.e. when they finished), after the cursor in task_id order. Read from the current-state
-- index of the transitions. The task rows are locked so that no operator action changes a task while it is
-- removed; a task locked by someone else is skipped rather than waited for (the next purge takes it).
SELECT t.task_id
  FROM tasker_task_transitions tt
  JOIN tasker_tasks t ON t.task_id = tt.task_id
 WHERE tt.most_recent AND tt.to_state = ANY (?::text[]) AND tt.created_at < ? AND tt.task_id > ?
 ORDER BY tt.task_id
 LIMIT ?
   FOR UPDATE OF t SKIP LOCKED
