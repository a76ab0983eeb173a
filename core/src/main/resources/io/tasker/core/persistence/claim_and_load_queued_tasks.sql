-- claim_queued_tasks.sql and the reads of load_tasks.sql and load_steps_of_tasks.sql in one statement: a worker
-- woken for new work claims it and has all it needs to start the task's first attempts in one round trip and one
-- commit (pickup latency: a second round trip would cost what the claim's commit costs).
-- Returns one row per claimed task (kind 0: the columns of load_tasks.sql, and its claim token) followed by one row
-- per step of it (kind 1: the columns of load_steps_of_tasks.sql); the columns of the other kind are NULL.
-- The steps and transitions are found by the claimed ids as an array (an InitPlan), as in the two load statements:
-- joined to the claim's rows instead, a plan made without statistics may hash-join scans of whole tables.
-- Parameters: namespaces (NULL: all), namespaces, limit, worker id, lease seconds.
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
), claimed AS (
    UPDATE tasker_tasks t
       SET claimed_by  = ?,
           claim_token = t.claim_token + 1,
           next_run_at = now() + make_interval(secs => ?)
      FROM due
     WHERE t.task_id = due.task_id
    RETURNING t.task_id, t.claim_token, t.named_task_id, t.context, t.initiator, t.source_system, t.reason, t.tags,
              t.requested_at, t.complete, t.idempotency_key
), ids AS (
    SELECT coalesce(array_agg(task_id), '{}') AS ids FROM claimed
)
SELECT c.task_id, 0 AS kind, c.claim_token, c.context, c.initiator, c.source_system, c.reason, c.tags,
       c.requested_at, c.complete, c.idempotency_key, NULL::timestamptz AS next_run_at, nt.name, nt.version,
       ns.name AS namespace, tt.to_state AS task_state, coalesce(tt.sort_key, -1) AS task_sort_key,
       NULL::bigint AS workflow_step_id, NULL::varchar AS step_name, NULL::boolean AS retryable,
       NULL::integer AS retry_limit, NULL::boolean AS in_process, NULL::boolean AS processed,
       NULL::timestamptz AS processed_at, NULL::integer AS attempts, NULL::timestamptz AS last_attempted_at,
       NULL::integer AS backoff_request_seconds, NULL::jsonb AS results, NULL::varchar AS step_state,
       NULL::integer AS step_sort_key, NULL::timestamptz AS last_failure_at
  FROM claimed c
  JOIN tasker_named_tasks nt ON nt.named_task_id = c.named_task_id
  JOIN tasker_task_namespaces ns ON ns.task_namespace_id = nt.task_namespace_id
  LEFT JOIN tasker_task_transitions tt ON tt.task_id = c.task_id AND tt.most_recent
        AND tt.task_id = ANY ((SELECT ids FROM ids)::bigint[])
UNION ALL
SELECT ws.task_id, 1, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
       ws.workflow_step_id, nst.name, ws.retryable, ws.retry_limit, ws.in_process, ws.processed, ws.processed_at,
       ws.attempts, ws.last_attempted_at, ws.backoff_request_seconds, ws.results, st.to_state,
       coalesce(st.sort_key, -1), CASE WHEN st.to_state = 'error' THEN st.created_at END
  FROM tasker_workflow_steps ws
  JOIN tasker_named_steps nst ON nst.named_step_id = ws.named_step_id
  LEFT JOIN tasker_workflow_step_transitions st ON st.workflow_step_id = ws.workflow_step_id AND st.most_recent
        AND st.task_id = ANY ((SELECT ids FROM ids)::bigint[])
 WHERE ws.task_id = ANY ((SELECT ids FROM ids)::bigint[])
 ORDER BY 1, 2, 18
