DELETE FROM tasker_task_transitions WHERE task_id = ANY (?::bigint[])
