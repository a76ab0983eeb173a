INSERT INTO tasker_workflow_step_transitions (workflow_step_id, task_id, from_state, to_state, sort_key, most_recent,
                                              metadata, created_at, updated_at)
VALUES (?, ?, NULL, ?, ?, ?, '{}'::jsonb, ?, ?)
