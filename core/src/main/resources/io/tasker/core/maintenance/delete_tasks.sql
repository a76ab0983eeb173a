DELETE FROM tasker_tasks WHERE task_id = ANY (?::bigint[])
