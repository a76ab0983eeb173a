-- Analytics over a recent period (TASKER-COMPAT.md §3.8): what the system holds now and what it did since
-- since_timestamp (default: the last hour; NULL means the default too). A monitoring query that scans
-- across tasks, kept off the hot path. "Now" is now(), transaction time.
--
-- Current figures
--   active_tasks_count       tasks whose current state is pending or in_progress (no transition = pending)
--   total_namespaces_count   namespaces that have at least one task
--   unique_task_types_count  named tasks (namespace, name, version: the registry key) with at least one task
-- Figures of the period [since_timestamp, now()]
--   task_throughput          tasks created in the period
--   completion_count         tasks that moved to complete in the period
--   error_count              tasks that moved to error in the period
--   completion_rate          completion_count / (completion_count + error_count), 0..1, 0 when both are 0
--   error_rate               error_count / (completion_count + error_count), 0..1, 0 when both are 0
--   avg_task_duration        seconds from a task's first in_progress transition to its complete transition,
--                            averaged over the tasks completed in the period (0 when none)
--   avg_step_duration        seconds from a step's in_progress transition to the complete transition that
--                            ends that execution, averaged over the steps completed in the period (0 when none)
--   step_throughput          steps that moved to complete in the period
--   system_health_score      0..1: 0.7 x the task success ratio + 0.3 x the step success ratio of the period,
--                            where task success = completions / (completions + errors) of tasks and step
--                            success = step completions / (step completions + step errors); a ratio with
--                            nothing to measure counts as 1. Finished tasks weigh most; step errors that
--                            retries absorbed still lower the score, a little.
-- Rates and the score have 4 decimals, durations 3.

CREATE OR REPLACE FUNCTION get_analytics_metrics(since_timestamp timestamptz DEFAULT now() - interval '1 hour')
RETURNS TABLE (
    active_tasks_count      bigint,
    total_namespaces_count  bigint,
    unique_task_types_count bigint,
    system_health_score     numeric,
    task_throughput         bigint,
    completion_count        bigint,
    error_count             bigint,
    completion_rate         numeric,
    error_rate              numeric,
    avg_task_duration       numeric,
    avg_step_duration       numeric,
    step_throughput         bigint,
    analysis_period_start   timestamptz,
    calculated_at           timestamptz
)
LANGUAGE sql STABLE
AS $function$
    WITH period AS (
        SELECT coalesce(since_timestamp, now() - interval '1 hour') AS since
    ),
    task_inventory AS (
        SELECT count(*) FILTER (WHERE coalesce(state.to_state, 'pending') IN ('pending', 'in_progress'))
                   AS active_tasks_count,
               count(DISTINCT named.task_namespace_id) AS total_namespaces_count,
               count(DISTINCT named.named_task_id) AS unique_task_types_count,
               count(*) FILTER (WHERE t.created_at >= (SELECT since FROM period)) AS task_throughput
        FROM tasker_tasks t
        JOIN tasker_named_tasks named ON named.named_task_id = t.named_task_id
        LEFT JOIN tasker_task_transitions state ON state.task_id = t.task_id AND state.most_recent
    ),
    task_endings AS (
        SELECT tr.task_id, tr.to_state, max(tr.created_at) AS ended_at
        FROM tasker_task_transitions tr
        WHERE tr.to_state IN ('complete', 'error')
          AND tr.created_at >= (SELECT since FROM period)
        GROUP BY tr.task_id, tr.to_state
    ),
    task_outcomes AS (
        SELECT count(*) FILTER (WHERE e.to_state = 'complete') AS completion_count,
               count(*) FILTER (WHERE e.to_state = 'error') AS error_count,
               avg(extract(epoch FROM e.ended_at - started.first_started_at))
                   FILTER (WHERE e.to_state = 'complete') AS avg_task_duration
        FROM task_endings e
        LEFT JOIN LATERAL (
            SELECT min(start.created_at) AS first_started_at
            FROM tasker_task_transitions start
            WHERE start.task_id = e.task_id
              AND start.to_state = 'in_progress'
        ) started ON e.to_state = 'complete'
    ),
    step_endings AS (
        SELECT tr.workflow_step_id, tr.task_id, tr.to_state, tr.sort_key, tr.created_at
        FROM tasker_workflow_step_transitions tr
        WHERE tr.to_state IN ('complete', 'error')
          AND tr.created_at >= (SELECT since FROM period)
    ),
    step_outcomes AS (
        SELECT count(*) FILTER (WHERE e.to_state = 'complete') AS step_completions,
               count(*) FILTER (WHERE e.to_state = 'error') AS step_errors,
               avg(extract(epoch FROM e.created_at - execution.started_at))
                   FILTER (WHERE e.to_state = 'complete') AS avg_step_duration
        FROM step_endings e
        LEFT JOIN LATERAL (
            SELECT start.created_at AS started_at
            FROM tasker_workflow_step_transitions start
            WHERE start.workflow_step_id = e.workflow_step_id
              AND start.task_id = e.task_id
              AND start.sort_key < e.sort_key
              AND start.to_state = 'in_progress'
            ORDER BY start.sort_key DESC
            LIMIT 1
        ) execution ON e.to_state = 'complete'
    ),
    ratios AS (
        SELECT CASE WHEN o.completion_count + o.error_count = 0 THEN NULL
                    ELSE o.completion_count::numeric / (o.completion_count + o.error_count)
               END AS task_success,
               CASE WHEN s.step_completions + s.step_errors = 0 THEN NULL
                    ELSE s.step_completions::numeric / (s.step_completions + s.step_errors)
               END AS step_success
        FROM task_outcomes o CROSS JOIN step_outcomes s
    )
    SELECT i.active_tasks_count,
           i.total_namespaces_count,
           i.unique_task_types_count,
           round(0.7 * coalesce(r.task_success, 1) + 0.3 * coalesce(r.step_success, 1), 4) AS system_health_score,
           i.task_throughput,
           o.completion_count,
           o.error_count,
           round(coalesce(r.task_success, 0), 4) AS completion_rate,
           round(coalesce(1 - r.task_success, 0), 4) AS error_rate,
           round(coalesce(o.avg_task_duration, 0), 3) AS avg_task_duration,
           round(coalesce(s.avg_step_duration, 0), 3) AS avg_step_duration,
           s.step_completions AS step_throughput,
           p.since AS analysis_period_start,
           now() AS calculated_at
    FROM period p
    CROSS JOIN task_inventory i
    CROSS JOIN task_outcomes o
    CROSS JOIN step_outcomes s
    CROSS JOIN ratios r
$function$;

COMMENT ON FUNCTION get_analytics_metrics(timestamptz) IS
    'Current task inventory, and throughput, outcomes, durations and health score since since_timestamp.';

-- The Rails engine's name for the same function.
CREATE OR REPLACE FUNCTION get_analytics_metrics_v01(since_timestamp timestamptz DEFAULT now() - interval '1 hour')
RETURNS TABLE (
    active_tasks_count      bigint,
    total_namespaces_count  bigint,
    unique_task_types_count bigint,
    system_health_score     numeric,
    task_throughput         bigint,
    completion_count        bigint,
    error_count             bigint,
    completion_rate         numeric,
    error_rate              numeric,
    avg_task_duration       numeric,
    avg_step_duration       numeric,
    step_throughput         bigint,
    analysis_period_start   timestamptz,
    calculated_at           timestamptz
)
LANGUAGE sql STABLE
AS $function$
    SELECT * FROM get_analytics_metrics(since_timestamp)
$function$;

COMMENT ON FUNCTION get_analytics_metrics_v01(timestamptz) IS
    'Alias of get_analytics_metrics (the Rails engine''s name).';
