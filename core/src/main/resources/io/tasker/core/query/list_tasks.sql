-- Tasks newest first, optionally of one namespace and name, after a keyset cursor (task_id below the given one).
-- A null parameter means "any". Walks the primary key backwards; an operator query, never on the hot path.
SELECT t.task_id, ns.name AS namespace, nt.name, nt.version,
       coalesce(tt.to_state, 'pending') AS state,
       t.created_at, greatest(t.updated_at, tt.created_at) AS updated_at, t.idempotency_key
  FROM tasker_tasks t
  JOIN tasker_named_tasks nt ON nt.named_task_id = t.named_task_id
  JOIN tasker_task_namespaces ns ON ns.task_namespace_id = nt.task_namespace_id
  LEFT JOIN tasker_task_transitions tt ON tt.task_id = t.task_id AND tt.most_recent
 WHERE (CAST(? AS text) IS NULL OR ns.name = ?)
   AND (CAST(? AS text) IS NULL OR nt.name = ?)
   AND (CAST(? AS bigint) IS NULL OR t.task_id < ?)
 ORDER BY t.task_id DESC
 LIMIT ?
