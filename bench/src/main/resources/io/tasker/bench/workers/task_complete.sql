SELECT complete FROM tasker_tasks WHERE task_id = ?
