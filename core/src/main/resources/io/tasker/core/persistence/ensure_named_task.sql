-- Find or create the named task (namespace, name, version); the template's description and
-- configuration (its source file, YAML text and content hash) are refreshed so the catalogue holds
-- what is registered now.
INSERT INTO tasker_named_tasks (task_namespace_id, name, version, description, configuration)
VALUES (?, ?, ?, ?, ?::jsonb)
ON CONFLICT (task_namespace_id, name, version)
    DO UPDATE SET description = EXCLUDED.description, configuration = EXCLUDED.configuration, updated_at = now()
RETURNING named_task_id
