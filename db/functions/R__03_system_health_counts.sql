-- System-wide health counts (TASKER-COMPAT.md §3.8), the figures behind GET /health/status. Unlike the
-- per-task functions this one scans every task and step: a monitoring query, kept off the hot path.
--
--   *_tasks                 tasks by current state (most recent transition, 'pending' when none);
--                           resolved_manually tasks count only in total_tasks
--   *_steps                 steps by current state likewise; complete_steps is 'complete' only
--   retryable_error_steps   in error, attempts < retry_limit and retryable (will run again)
--   exhausted_retry_steps   in error with attempts >= retry_limit
--   in_backoff_steps        retryable error steps still inside a backoff window: the requested one
--                           (last_attempted_at + backoff_request_seconds) or the failure backoff
--                           (error transition + least(2^attempts, 30) s), as in get_step_readiness_status
--   active_connections      backends of the current database that are running a statement
--   max_connections         the server's max_connections setting
-- attempts and retry_limit are coalesced to 0 and 3, as in get_step_readiness_status. "Now" is now().

CREATE OR REPLACE FUNCTION get_system_health_counts()
RETURNS TABLE (
    total_tasks           bigint,
    pending_tasks         bigint,
    in_progress_tasks     bigint,
    complete_tasks        bigint,
    error_tasks           bigint,
    cancelled_tasks       bigint,
    total_steps           bigint,
    pending_steps         bigint,
    in_progress_steps     bigint,
    complete_steps        bigint,
    error_steps           bigint,
    retryable_error_steps bigint,
    exhausted_retry_steps bigint,
    in_backoff_steps      bigint,
    active_connections    bigint,
    max_connections       bigint
)
LANGUAGE sql STABLE
AS $function$
    WITH task_counts AS (
        SELECT count(*) AS total_tasks,
               count(*) FILTER (WHERE coalesce(state.to_state, 'pending') = 'pending') AS pending_tasks,
               count(*) FILTER (WHERE state.to_state = 'in_progress') AS in_progress_tasks,
               count(*) FILTER (WHERE state.to_state = 'complete') AS complete_tasks,
               count(*) FILTER (WHERE state.to_state = 'error') AS error_tasks,
               count(*) FILTER (WHERE state.to_state = 'cancelled') AS cancelled_tasks
        FROM tasker_tasks t
        LEFT JOIN tasker_task_transitions state ON state.task_id = t.task_id AND state.most_recent
    ),
    step_state AS (
        SELECT coalesce(state.to_state, 'pending') AS current_state,
               coalesce(ws.attempts, 0) < coalesce(ws.retry_limit, 3) AND ws.retryable AS will_retry,
               coalesce(ws.attempts, 0) >= coalesce(ws.retry_limit, 3) AS exhausted,
               (ws.backoff_request_seconds IS NOT NULL AND ws.last_attempted_at IS NOT NULL
                   AND ws.last_attempted_at + make_interval(secs => ws.backoff_request_seconds) > now())
               OR (state.to_state = 'error'
                   AND state.created_at
                       + least(power(2, least(coalesce(ws.attempts, 1), 5)), 30) * interval '1 second' > now())
                   AS backing_off
        FROM tasker_workflow_steps ws
        LEFT JOIN tasker_workflow_step_transitions state
               ON state.workflow_step_id = ws.workflow_step_id AND state.most_recent
    ),
    step_counts AS (
        SELECT count(*) AS total_steps,
               count(*) FILTER (WHERE s.current_state = 'pending') AS pending_steps,
               count(*) FILTER (WHERE s.current_state = 'in_progress') AS in_progress_steps,
               count(*) FILTER (WHERE s.current_state = 'complete') AS complete_steps,
               count(*) FILTER (WHERE s.current_state = 'error') AS error_steps,
               count(*) FILTER (WHERE s.current_state = 'error' AND s.will_retry) AS retryable_error_steps,
               count(*) FILTER (WHERE s.current_state = 'error' AND s.exhausted) AS exhausted_retry_steps,
               count(*) FILTER (WHERE s.current_state = 'error' AND s.will_retry AND s.backing_off)
                   AS in_backoff_steps
        FROM step_state s
    ),
    connection_counts AS (
        SELECT (SELECT count(*) FROM pg_stat_activity activity
                WHERE activity.datname = current_database() AND activity.state = 'active') AS active_connections,
               current_setting('max_connections')::bigint AS max_connections
    )
    SELECT tc.total_tasks, tc.pending_tasks, tc.in_progress_tasks, tc.complete_tasks, tc.error_tasks,
           tc.cancelled_tasks,
           sc.total_steps, sc.pending_steps, sc.in_progress_steps, sc.complete_steps, sc.error_steps,
           sc.retryable_error_steps, sc.exhausted_retry_steps, sc.in_backoff_steps,
           cc.active_connections, cc.max_connections
    FROM task_counts tc CROSS JOIN step_counts sc CROSS JOIN connection_counts cc
$function$;

COMMENT ON FUNCTION get_system_health_counts() IS
    'Task and step counts by state, retry and backoff counts, and connection usage, TASKER-COMPAT.md §3.8.';

-- The Rails engine's name for the same function.
CREATE OR REPLACE FUNCTION get_system_health_counts_v01()
RETURNS TABLE (
    total_tasks           bigint,
    pending_tasks         bigint,
    in_progress_tasks     bigint,
    complete_tasks        bigint,
    error_tasks           bigint,
    cancelled_tasks       bigint,
    total_steps           bigint,
    pending_steps         bigint,
    in_progress_steps     bigint,
    complete_steps        bigint,
    error_steps           bigint,
    retryable_error_steps bigint,
    exhausted_retry_steps bigint,
    in_backoff_steps      bigint,
    active_connections    bigint,
    max_connections       bigint
)
LANGUAGE sql STABLE
AS $function$
    SELECT * FROM get_system_health_counts()
$function$;

COMMENT ON FUNCTION get_system_health_counts_v01() IS 'Alias of get_system_health_counts (the Rails engine''s name).';
