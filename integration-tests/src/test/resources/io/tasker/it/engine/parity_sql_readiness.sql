SELECT workflow_step_id, name, current_state, dependencies_satisfied, retry_eligible, ready_for_execution, next_retry_at
  FROM get_step_readiness_status(?)
 ORDER BY workflow_step_id
