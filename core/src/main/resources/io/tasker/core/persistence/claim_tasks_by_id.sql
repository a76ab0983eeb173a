-- Claims the named tasks for this worker: those no one holds, those it holds itself, those held by closed
-- engines of this process, and those whose lease expired; with the steal flag (an operator's action) also those another worker holds, whose late writes
-- the raised fencing token then refuses. Waits for a writer that holds a task's row (FOR SHARE in
-- tasker_apply_changes) to commit first.
-- Parameters: worker id, lease seconds, task ids, worker id, closed engines' ids, steal.
UPDATE tasker_tasks t
   SET claimed_by  = ?,
       claim_token = t.claim_token + 1,
       next_run_at = now() + make_interval(secs => ?)
 WHERE t.task_id = ANY (?::bigint[])
   AND (t.claimed_by IS NULL OR t.claimed_by = ? OR t.claimed_by = ANY (?::text[]) OR t.next_run_at <= now() OR ?)
RETURNING t.task_id, t.claim_token
