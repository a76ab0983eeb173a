-- Tasks in one state, newest first: read from the current-state index of the transitions (to_state, task_id
-- WHERE most_recent) backwards, so a few failed tasks are found among millions of complete ones without a scan.
-- Every task has a transition from its creation on, so none is missed. Other filters as in list_tasks.sql.
SELECT t.task_id, ns.name AS namespace, nt.name, nt.version, tt.to_state AS state,
       t.created_at, greatest(t.updated_at, tt.created_at) AS updated_at, t.idempotency_key
  FROM tasker_task_transitions tt
  JOIN tasker_tasks t ON t.task_id = tt.task_id
  JOIN tasker_named_tasks nt ON nt.named_task_id = t.named_task_id
  JOIN tasker_task_namespaces ns ON ns.task_namespace_id = nt.task_namespace_id
 WHERE tt.most_recent AND tt.to_state = ?
   AND (CAST(? AS text) IS NULL OR ns.name = ?)
   AND (CAST(? AS text) IS NULL OR nt.name = ?)
   AND (CAST(? AS bigint) IS NULL OR tt.task_id < ?)
 ORDER BY tt.task_id DESC
 LIMIT ?
