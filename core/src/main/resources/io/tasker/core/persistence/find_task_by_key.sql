SELECT task_id FROM tasker_tasks WHERE idempotency_key = ?
