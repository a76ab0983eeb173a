-- Tasks with its template key and current state (pending when it has no transition yet).
-- next_run_at is the time a waiting task is due again; while a worker holds the task it is the lease expiry,
-- which is not part of the task's state.
-- The transition is found by the given ids too (bound twice): joined on the task id alone, a plan made without
-- statistics may hash-join a scan of every current task transition of the table.
SELECT t.task_id, t.context, t.initiator, t.source_system, t.reason, t.tags, t.requested_at, t.complete,
       t.idempotency_key, CASE WHEN t.claimed_by IS NULL THEN t.next_run_at END AS next_run_at, nt.name, nt.version, ns.name AS namespace,
       tt.to_state AS task_state, coalesce(tt.sort_key, -1) AS task_sort_key
  FROM tasker_tasks t
  JOIN tasker_named_tasks nt ON nt.named_task_id = t.named_task_id
  JOIN tasker_task_namespaces ns ON ns.task_namespace_id = nt.task_namespace_id
  LEFT JOIN tasker_task_transitions tt ON tt.task_id = t.task_id AND tt.most_recent AND tt.task_id = ANY (?::bigint[])
 WHERE t.task_id = ANY (?::bigint[])
