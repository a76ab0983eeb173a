-- The tasks that already hold some of the given identity hashes or idempotency keys.
SELECT t.task_id, t.identity_hash, t.idempotency_key, nt.name, nt.version, ns.name AS namespace
  FROM tasker_tasks t
  JOIN tasker_named_tasks nt ON nt.named_task_id = t.named_task_id
  JOIN tasker_task_namespaces ns ON ns.task_namespace_id = nt.task_namespace_id
 WHERE t.identity_hash = ANY (?::text[]) OR t.idempotency_key = ANY (?::text[])
