INSERT INTO tasker_named_steps (dependent_system_id, name, description)
VALUES (?, ?, ?)
ON CONFLICT (dependent_system_id, name) DO UPDATE SET description = EXCLUDED.description
RETURNING named_step_id
