DELETE FROM tasker_task_annotations WHERE task_id = ANY (?::bigint[])
