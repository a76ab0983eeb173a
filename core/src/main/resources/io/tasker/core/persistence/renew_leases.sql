-- A worker's heartbeat: extends the leases it still holds (same worker, same token). Returns the renewed
-- ones; a lease not returned was lost (it expired and was reclaimed, or an operator took the task).
-- Parameters: lease seconds, worker id, task ids, tokens.
UPDATE tasker_tasks t
   SET next_run_at = now() + make_interval(secs => ?)
  FROM unnest(?::bigint[], ?::bigint[]) AS held(task_id, token)
 WHERE t.task_id = held.task_id AND t.claim_token = held.token AND t.claimed_by = ?
RETURNING t.task_id
