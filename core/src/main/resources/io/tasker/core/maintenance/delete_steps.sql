DELETE FROM tasker_workflow_steps WHERE task_id = ANY (?::bigint[])
