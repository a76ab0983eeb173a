INSERT INTO tasker_workflow_step_edges (task_id, from_step_id, to_step_id, name, created_at, updated_at)
SELECT u.task_id, u.from_step_id, u.to_step_id, 'provides', now(), now()
  FROM unnest(?::bigint[], ?::bigint[], ?::bigint[]) AS u(task_id, from_step_id, to_step_id)
