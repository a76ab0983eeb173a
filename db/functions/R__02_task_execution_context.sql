-- Task execution context (TASKER-COMPAT.md §3.4): step counts of one task from get_step_readiness_status,
-- and what the orchestrator should do next. One row per existing task; no row for an unknown task id.
--
--   status                 the task's current state (most recent transition, 'pending' when none)
--   completed_steps        complete + resolved_manually; failed_steps = error; ready_steps = ready_for_execution
--   permanently blocked    (internal) a step in error that will not run again: attempts >= retry_limit, or
--                          retryable = false. The Rails engine counted only exhausted attempts; Tasker JVM
--                          marks a step hit by a PermanentError non-retryable (decisions table of
--                          TASKER-COMPAT.md), and such a step blocks its task just as an exhausted one does.
--   execution_status       first match: has_ready_steps, processing, blocked_by_failures, all_complete,
--                          waiting_for_dependencies (with the matching recommended_action)
--   completion_percentage  completed / total * 100 rounded to 2 decimals, 0 for a task without steps
--   health_status          healthy (no failed step), recovering (failed steps but some ready or none
--                          permanently blocked), blocked (permanently blocked and nothing ready), else unknown
-- "Now" is now(), transaction time, through get_step_readiness_status.

CREATE OR REPLACE FUNCTION get_task_execution_context(input_task_id bigint)
RETURNS TABLE (
    task_id               bigint,
    named_task_id         integer,
    status                text,
    total_steps           bigint,
    pending_steps         bigint,
    in_progress_steps     bigint,
    completed_steps       bigint,
    failed_steps          bigint,
    ready_steps           bigint,
    execution_status      text,
    recommended_action    text,
    completion_percentage numeric(5, 2),
    health_status         text
)
LANGUAGE sql STABLE PARALLEL SAFE
AS $function$
    WITH step_counts AS (
        SELECT count(*) AS total_steps,
               count(*) FILTER (WHERE r.current_state = 'pending') AS pending_steps,
               count(*) FILTER (WHERE r.current_state = 'in_progress') AS in_progress_steps,
               count(*) FILTER (WHERE r.current_state IN ('complete', 'resolved_manually')) AS completed_steps,
               count(*) FILTER (WHERE r.current_state = 'error') AS failed_steps,
               count(*) FILTER (WHERE r.ready_for_execution) AS ready_steps,
               count(*) FILTER (WHERE r.current_state = 'error'
                                  AND (r.attempts >= r.retry_limit OR NOT ws.retryable))
                   AS permanently_blocked_steps
        FROM get_step_readiness_status(input_task_id) r
        JOIN tasker_workflow_steps ws ON ws.workflow_step_id = r.workflow_step_id
                                     AND ws.task_id = input_task_id
    )
    SELECT t.task_id,
           t.named_task_id,
           coalesce(state.to_state, 'pending')::text AS status,
           c.total_steps,
           c.pending_steps,
           c.in_progress_steps,
           c.completed_steps,
           c.failed_steps,
           c.ready_steps,
           CASE
               WHEN c.ready_steps > 0 THEN 'has_ready_steps'
               WHEN c.in_progress_steps > 0 THEN 'processing'
               WHEN c.permanently_blocked_steps > 0 THEN 'blocked_by_failures'
               WHEN c.total_steps > 0 AND c.completed_steps = c.total_steps THEN 'all_complete'
               ELSE 'waiting_for_dependencies'
           END AS execution_status,
           CASE
               WHEN c.ready_steps > 0 THEN 'execute_ready_steps'
               WHEN c.in_progress_steps > 0 THEN 'wait_for_completion'
               WHEN c.permanently_blocked_steps > 0 THEN 'handle_failures'
               WHEN c.total_steps > 0 AND c.completed_steps = c.total_steps THEN 'finalize_task'
               ELSE 'wait_for_dependencies'
           END AS recommended_action,
           CASE
               WHEN c.total_steps = 0 THEN 0.00
               ELSE round(c.completed_steps * 100.0 / c.total_steps, 2)
           END::numeric(5, 2) AS completion_percentage,
           CASE
               WHEN c.failed_steps = 0 THEN 'healthy'
               WHEN c.ready_steps > 0 OR c.permanently_blocked_steps = 0 THEN 'recovering'
               WHEN c.permanently_blocked_steps > 0 THEN 'blocked'
               ELSE 'unknown'
           END AS health_status
    FROM tasker_tasks t
    CROSS JOIN step_counts c
    LEFT JOIN tasker_task_transitions state ON state.task_id = t.task_id AND state.most_recent
    WHERE t.task_id = input_task_id
$function$;

COMMENT ON FUNCTION get_task_execution_context(bigint) IS
    'Step counts, execution_status, recommended_action and health of one task, TASKER-COMPAT.md §3.4.';

-- The same row for several tasks, ordered by task_id; each task is evaluated on its own keys.
CREATE OR REPLACE FUNCTION get_task_execution_contexts_batch(input_task_ids bigint[])
RETURNS TABLE (
    task_id               bigint,
    named_task_id         integer,
    status                text,
    total_steps           bigint,
    pending_steps         bigint,
    in_progress_steps     bigint,
    completed_steps       bigint,
    failed_steps          bigint,
    ready_steps           bigint,
    execution_status      text,
    recommended_action    text,
    completion_percentage numeric(5, 2),
    health_status         text
)
LANGUAGE sql STABLE PARALLEL SAFE
AS $function$
    SELECT context.*
    FROM (SELECT DISTINCT requested.id FROM unnest(input_task_ids) AS requested(id)) AS requested_task
    CROSS JOIN LATERAL get_task_execution_context(requested_task.id) AS context
    ORDER BY context.task_id
$function$;

COMMENT ON FUNCTION get_task_execution_contexts_batch(bigint[]) IS
    'get_task_execution_context for each task in input_task_ids, ordered by task_id.';
