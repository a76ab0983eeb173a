-- A worker claims up to N runnable tasks: due (next_run_at <= now: new, waiting out a backoff that has
-- elapsed, released, or held by a lease that was not renewed in time), oldest first. SKIP LOCKED lets
-- concurrent workers take disjoint batches without waiting for each other. Every claim raises the task's
-- fencing token and sets next_run_at to the lease expiry.
-- Parameters: worker id, lease seconds, namespaces (NULL: all), limit.
WITH due AS (
    SELECT t.task_id
      FROM tasker_tasks t
     WHERE t.next_run_at <= now()
       AND (?::text[] IS NULL OR t.named_task_id IN (
               SELECT nt.named_task_id
                 FROM tasker_named_tasks nt
                 JOIN tasker_task_namespaces ns ON ns.task_namespace_id = nt.task_namespace_id
                WHERE ns.name = ANY (?::text[])))
     ORDER BY t.next_run_at
     LIMIT ?
       FOR UPDATE SKIP LOCKED
)
UPDATE tasker_tasks t
   SET claimed_by  = ?,
       claim_token = t.claim_token + 1,
       next_run_at = now() + make_interval(secs => ?)
  FROM due
 WHERE t.task_id = due.task_id
RETURNING t.task_id, t.claim_token
