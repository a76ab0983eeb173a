-- Every step of the given tasks with its current state; a step in error failed when its current transition
-- was written (Tasker's failure window runs from there).
-- The transitions are found by task id as well (the same ids, bound twice): joined on the step id alone, a plan
-- made without statistics hash-joined a scan of every current transition of the table, O(table) per load.
SELECT ws.task_id, ws.workflow_step_id, ns.name AS step_name, ws.retryable, ws.retry_limit, ws.in_process, ws.processed, ws.processed_at,
       ws.attempts, ws.last_attempted_at, ws.backoff_request_seconds, ws.results,
       st.to_state AS step_state, coalesce(st.sort_key, -1) AS step_sort_key,
       CASE WHEN st.to_state = 'error' THEN st.created_at END AS last_failure_at
  FROM tasker_workflow_steps ws
  JOIN tasker_named_steps ns ON ns.named_step_id = ws.named_step_id
  LEFT JOIN tasker_workflow_step_transitions st ON st.workflow_step_id = ws.workflow_step_id AND st.most_recent
        AND st.task_id = ANY (?::bigint[])
 WHERE ws.task_id = ANY (?::bigint[])
 ORDER BY ws.task_id, ws.workflow_step_id
