-- A worker's heartbeat: extends the leases it still holds (same worker, same token). Returns the renewed
-- ones; a lease not returned was lost (it expired and was reclaimed, or an operator took the task).
-- The rows are locked in task id order, as tasker_apply_changes locks them (FOR SHARE, by task id): an UPDATE
-- joined to the id list would lock them in join order and deadlock with the worker's own apply (seen under load).
-- Parameters: lease seconds, task ids, tokens, worker id.
WITH mine AS (
    SELECT ?::bigint AS lease_seconds, t.task_id
      FROM tasker_tasks t
      JOIN unnest(?::bigint[], ?::bigint[]) AS held(task_id, token)
        ON t.task_id = held.task_id AND t.claim_token = held.token
     WHERE t.claimed_by = ?
     ORDER BY t.task_id
       FOR NO KEY UPDATE OF t
)
UPDATE tasker_tasks t
   SET next_run_at = now() + make_interval(secs => mine.lease_seconds)
  FROM mine
 WHERE t.task_id = mine.task_id
RETURNING t.task_id
