-- One task with its template key and current state (pending until its first transition is written). Its last
-- change is the later of the row's update and its current transition.
SELECT t.task_id, ns.name AS namespace, nt.name, nt.version,
       coalesce(tt.to_state, 'pending') AS state,
       t.created_at, greatest(t.updated_at, tt.created_at) AS updated_at,
       t.context, t.tags, t.initiator, t.source_system, t.reason, t.idempotency_key, t.next_run_at
  FROM tasker_tasks t
  JOIN tasker_named_tasks nt ON nt.named_task_id = t.named_task_id
  JOIN tasker_task_namespaces ns ON ns.task_namespace_id = nt.task_namespace_id
  LEFT JOIN tasker_task_transitions tt ON tt.task_id = t.task_id AND tt.most_recent
 WHERE t.task_id = ?
