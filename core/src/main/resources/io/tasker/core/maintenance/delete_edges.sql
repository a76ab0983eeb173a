DELETE FROM tasker_workflow_step_edges WHERE task_id = ANY (?::bigint[])
