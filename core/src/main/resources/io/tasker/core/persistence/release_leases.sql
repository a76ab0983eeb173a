-- A worker hands back tasks it holds: due again after the given delay (0: at once, for a stopping worker,
-- whose unfinished attempts the next holder treats as abandoned; a lease period: a task this worker cannot
-- run, so another may). Tells idle workers.
-- Parameters: delay seconds, task ids, tokens, worker id.
WITH released AS (
    UPDATE tasker_tasks t
       SET claimed_by = NULL, next_run_at = now() + make_interval(secs => ?), updated_at = now()
      FROM unnest(?::bigint[], ?::bigint[]) AS held(task_id, token)
     WHERE t.task_id = held.task_id AND t.claim_token = held.token AND t.claimed_by = ?
    RETURNING t.task_id, t.next_run_at
)
SELECT count(*), pg_notify('tasker_work', (floor(extract(epoch FROM min(next_run_at)) * 1000))::bigint::text)
  FROM released
HAVING count(*) > 0
