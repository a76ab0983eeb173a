SELECT name FROM tasker_task_namespaces ORDER BY name
