-- All steps of newly created tasks; inputs are the task context, as Tasker snapshots it at creation.
INSERT INTO tasker_workflow_steps (task_id, named_step_id, retryable, retry_limit, skippable, attempts,
                                   inputs, results, created_at, updated_at)
SELECT u.task_id, u.named_step_id, u.retryable, u.retry_limit, u.skippable, 0, t.context, '{}'::jsonb,
       t.created_at, t.created_at
  FROM unnest(?::bigint[], ?::int[], ?::boolean[], ?::int[], ?::boolean[])
       WITH ORDINALITY AS u(task_id, named_step_id, retryable, retry_limit, skippable, ord)
  JOIN tasker_tasks t ON t.task_id = u.task_id
 ORDER BY u.ord
RETURNING workflow_step_id, task_id, named_step_id
