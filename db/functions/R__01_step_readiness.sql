-- Step readiness (TASKER-COMPAT.md §3.3, the v02 rule of the Rails engine), one row per step of a task.
--
-- "Now" is now(), the start of the current transaction. The Java engine decides readiness with an
-- injected clock instead; to compare the two at one instant, read now() and call these functions in the
-- same transaction.
--
-- Every read is keyed by the task: the task's steps, its edges (edges carry task_id) and the current
-- transitions of its steps (partial index on task_id where most_recent). No query scans other tasks.
--
-- Columns:
--   current_state          most recent transition's to_state, 'pending' when the step has none
--   dependencies_satisfied no parent, or every parent complete / resolved_manually
--   retry_eligible         coalesce(attempts, 0) < coalesce(retry_limit, 3) (v02: retryable and backoff
--                          are not part of it, they are part of ready_for_execution)
--   ready_for_execution    all of: state pending or error; not processed; dependencies satisfied;
--                          retry eligible; retryable; not in_process; the explicit backoff
--                          (last_attempted_at + backoff_request_seconds) elapsed; and, for a step in
--                          error, the failure backoff (last_failure_at + least(2^attempts, 30) s) elapsed
--   last_failure_at        created_at of the step's current transition when that is an error
--   next_retry_at          last_attempted_at + backoff_request_seconds when both are set, else
--                          last_failure_at + least(2^coalesce(attempts, 1), 30) s, else null
--   attempts, retry_limit  coalesced to 0 and 3
-- An errored step that passes every condition is reported ready (as the original function does); the
-- engine re-runs it through error -> pending -> in_progress.
--
-- The failure backoff caps at 30 s from the fifth attempt on (2^5 = 32), so the exponent is capped at 5:
-- same values as least(power(2, attempts), 30) for every attempt count, without overflowing for huge ones.

CREATE OR REPLACE FUNCTION get_step_readiness_status(input_task_id bigint, step_ids bigint[] DEFAULT NULL)
RETURNS TABLE (
    workflow_step_id        bigint,
    task_id                 bigint,
    named_step_id           integer,
    name                    text,
    current_state           text,
    dependencies_satisfied  boolean,
    retry_eligible          boolean,
    ready_for_execution     boolean,
    last_failure_at         timestamptz,
    next_retry_at           timestamptz,
    total_parents           integer,
    completed_parents       integer,
    attempts                integer,
    retry_limit             integer,
    backoff_request_seconds integer,
    last_attempted_at       timestamptz
)
LANGUAGE sql STABLE PARALLEL SAFE
AS $function$
    WITH current_transition AS (
        SELECT tr.workflow_step_id, tr.to_state, tr.created_at
        FROM tasker_workflow_step_transitions tr
        WHERE tr.task_id = input_task_id
          AND tr.most_recent
    ),
    parent_summary AS (
        SELECT edge.to_step_id AS workflow_step_id,
               count(*)::integer AS total_parents,
               (count(*) FILTER (WHERE parent.to_state IN ('complete', 'resolved_manually')))::integer
                   AS completed_parents
        FROM tasker_workflow_step_edges edge
        LEFT JOIN current_transition parent ON parent.workflow_step_id = edge.from_step_id
        WHERE edge.task_id = input_task_id
        GROUP BY edge.to_step_id
    ),
    step AS (
        SELECT ws.workflow_step_id,
               ws.task_id,
               ws.named_step_id,
               named.name::text AS name,
               coalesce(cur.to_state, 'pending')::text AS current_state,
               coalesce(ps.total_parents, 0) AS total_parents,
               coalesce(ps.completed_parents, 0) AS completed_parents,
               coalesce(ws.attempts, 0) AS attempts,
               coalesce(ws.retry_limit, 3) AS retry_limit,
               coalesce(ws.retryable, true) AS retryable,
               coalesce(ws.processed, false) AS processed,
               coalesce(ws.in_process, false) AS in_process,
               ws.backoff_request_seconds,
               ws.last_attempted_at,
               CASE WHEN cur.to_state = 'error' THEN cur.created_at END AS last_failure_at,
               CASE WHEN ws.backoff_request_seconds IS NOT NULL AND ws.last_attempted_at IS NOT NULL
                    THEN ws.last_attempted_at + make_interval(secs => ws.backoff_request_seconds)
               END AS requested_backoff_until,
               CASE WHEN cur.to_state = 'error'
                    THEN cur.created_at
                         + least(power(2, least(coalesce(ws.attempts, 1), 5)), 30) * interval '1 second'
               END AS failure_backoff_until
        FROM tasker_workflow_steps ws
        JOIN tasker_named_steps named ON named.named_step_id = ws.named_step_id
        LEFT JOIN current_transition cur ON cur.workflow_step_id = ws.workflow_step_id
        LEFT JOIN parent_summary ps ON ps.workflow_step_id = ws.workflow_step_id
        WHERE ws.task_id = input_task_id
          AND (step_ids IS NULL OR ws.workflow_step_id = ANY (step_ids))
    )
    SELECT s.workflow_step_id,
           s.task_id,
           s.named_step_id,
           s.name,
           s.current_state,
           s.completed_parents = s.total_parents AS dependencies_satisfied,
           s.attempts < s.retry_limit AS retry_eligible,
           (s.current_state IN ('pending', 'error')
               AND NOT s.processed
               AND s.completed_parents = s.total_parents
               AND s.attempts < s.retry_limit
               AND s.retryable
               AND NOT s.in_process
               AND (s.requested_backoff_until IS NULL OR s.requested_backoff_until <= now())
               AND (s.failure_backoff_until IS NULL OR s.failure_backoff_until <= now())
           ) AS ready_for_execution,
           s.last_failure_at,
           coalesce(s.requested_backoff_until, s.failure_backoff_until) AS next_retry_at,
           s.total_parents,
           s.completed_parents,
           s.attempts,
           s.retry_limit,
           s.backoff_request_seconds,
           s.last_attempted_at
    FROM step s
    ORDER BY s.workflow_step_id
$function$;

COMMENT ON FUNCTION get_step_readiness_status(bigint, bigint[]) IS
    'Readiness of the steps of one task (all, or those in step_ids), TASKER-COMPAT.md §3.3; now() = transaction time.';

-- The same rows for several tasks, ordered by task then step; each task is evaluated on its own keys.
CREATE OR REPLACE FUNCTION get_step_readiness_status_batch(input_task_ids bigint[])
RETURNS TABLE (
    workflow_step_id        bigint,
    task_id                 bigint,
    named_step_id           integer,
    name                    text,
    current_state           text,
    dependencies_satisfied  boolean,
    retry_eligible          boolean,
    ready_for_execution     boolean,
    last_failure_at         timestamptz,
    next_retry_at           timestamptz,
    total_parents           integer,
    completed_parents       integer,
    attempts                integer,
    retry_limit             integer,
    backoff_request_seconds integer,
    last_attempted_at       timestamptz
)
LANGUAGE sql STABLE PARALLEL SAFE
AS $function$
    SELECT readiness.*
    FROM (SELECT DISTINCT requested.id FROM unnest(input_task_ids) AS requested(id)) AS requested_task
    CROSS JOIN LATERAL get_step_readiness_status(requested_task.id) AS readiness
    ORDER BY readiness.task_id, readiness.workflow_step_id
$function$;

COMMENT ON FUNCTION get_step_readiness_status_batch(bigint[]) IS
    'get_step_readiness_status for each task in input_task_ids, ordered by task_id, workflow_step_id.';
