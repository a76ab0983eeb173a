INSERT INTO tasker_task_transitions (task_id, from_state, to_state, sort_key, most_recent, metadata, created_at, updated_at)
SELECT u.task_id, NULL, 'pending', 0, true, '{}'::jsonb, ?::timestamptz, ?::timestamptz
  FROM unnest(?::bigint[]) AS u(task_id)
