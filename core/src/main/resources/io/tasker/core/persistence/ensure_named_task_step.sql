INSERT INTO tasker_named_tasks_named_steps (named_task_id, named_step_id, skippable, default_retryable, default_retry_limit)
VALUES (?, ?, ?, ?, ?)
ON CONFLICT (named_task_id, named_step_id)
    DO UPDATE SET skippable = EXCLUDED.skippable,
                  default_retryable = EXCLUDED.default_retryable,
                  default_retry_limit = EXCLUDED.default_retry_limit,
                  updated_at = now()
