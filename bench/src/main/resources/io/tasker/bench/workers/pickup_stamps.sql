-- Per pickup task: when its step was claimed in the worker's orchestration cycle (the in_progress transition)
-- and when its handler started (recorded by the handler in its results), epoch microseconds.
SELECT ws.task_id,
       (extract(epoch FROM st.created_at) * 1e6)::bigint AS claimed_us,
       (ws.results ->> 'started_at_us')::bigint AS started_us
  FROM tasker_workflow_steps ws
  JOIN tasker_workflow_step_transitions st
    ON st.workflow_step_id = ws.workflow_step_id AND st.to_state = 'in_progress'
 WHERE ws.task_id = ANY (?::bigint[])
