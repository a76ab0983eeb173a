-- Many tasks in one statement. A task whose identity hash or idempotency key already exists is
-- skipped (the caller then looks the existing task up); identity_hash maps returned ids to requests.
-- A queued task is due at once (next_run_at = now) for any worker; otherwise its creator runs it.
INSERT INTO tasker_tasks (named_task_id, requested_at, initiator, source_system, reason, bypass_steps, tags,
                          context, identity_hash, idempotency_key, priority, next_run_at, created_at, updated_at)
SELECT u.named_task_id, u.requested_at::timestamptz, u.initiator, u.source_system, u.reason,
       u.bypass_steps::json, u.tags::jsonb, u.context::jsonb, u.identity_hash, u.idempotency_key, u.priority,
       CASE WHEN ?::boolean THEN now() END,
       u.requested_at::timestamptz, u.requested_at::timestamptz
  FROM unnest(?::int[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
              ?::text[], ?::int[])
       AS u(named_task_id, requested_at, initiator, source_system, reason, bypass_steps, tags, context,
            identity_hash, idempotency_key, priority)
ON CONFLICT DO NOTHING
RETURNING task_id, identity_hash
