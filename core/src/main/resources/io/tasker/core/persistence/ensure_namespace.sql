-- Find or create a task namespace; the no-op update makes RETURNING give the id in both cases.
INSERT INTO tasker_task_namespaces (name, description)
VALUES (?, ?)
ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name
RETURNING task_namespace_id
