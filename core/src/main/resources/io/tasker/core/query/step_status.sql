-- The steps of one task in creation order (which is template order), each with its current state.
SELECT ns.name, coalesce(st.to_state, 'pending') AS state, coalesce(ws.attempts, 0) AS attempts,
       ws.retry_limit, ws.retryable, ws.last_attempted_at, ws.results
  FROM tasker_workflow_steps ws
  JOIN tasker_named_steps ns ON ns.named_step_id = ws.named_step_id
  LEFT JOIN tasker_workflow_step_transitions st ON st.workflow_step_id = ws.workflow_step_id AND st.most_recent
 WHERE ws.task_id = ?
 ORDER BY ws.workflow_step_id
