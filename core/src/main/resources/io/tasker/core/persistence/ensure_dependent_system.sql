INSERT INTO tasker_dependent_systems (name)
VALUES (?)
ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name
RETURNING dependent_system_id
