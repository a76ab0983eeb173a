-- The engine's hot path: everything one orchestration cycle decided, applied by ONE statement (so, in
-- auto-commit, one round trip and one durable commit): step rows, step and task transitions with the
-- most_recent flip, and task flags. Arrays are parallel; timestamps and JSON travel as text so that
-- every driver binds them the same way. A NULL element of p_results means "results unchanged".
-- Owned by io.tasker.core.persistence.TaskStore; the engine decides, this function only writes.
--
-- Fencing (V002): the writer names, for every task it writes, the claim token it holds. Those task rows are
-- locked FOR SHARE (a claim or an operator's steal, which update the row, wait for this statement; another
-- worker's SKIP LOCKED claim passes them by) and a task whose token moved on is left out of every write: its
-- id is returned, the caller drops what it held of that task, and nothing of it is applied.
-- A released task (p_task_release) gets its lease cleared; when one is released with work due at some time,
-- idle workers are told through NOTIFY tasker_work (payload: that time, epoch milliseconds).
DROP FUNCTION IF EXISTS tasker_apply_changes(bigint[], integer[], boolean[], boolean[], text[], text[], integer[],
    boolean[], text[], bigint[], bigint[], text[], text[], integer[], boolean[], text[], text[], bigint[], text[],
    text[], integer[], boolean[], text[], text[], bigint[], boolean[], text[]);

CREATE OR REPLACE FUNCTION tasker_apply_changes(
    p_fence_task_ids    bigint[],
    p_fence_tokens      bigint[],
    p_step_ids          bigint[],
    p_step_task_ids     bigint[],
    p_attempts          integer[],
    p_in_process        boolean[],
    p_processed         boolean[],
    p_processed_at      text[],
    p_last_attempted_at text[],
    p_backoff_seconds   integer[],
    p_retryable         boolean[],
    p_results           text[],
    p_st_step_ids       bigint[],
    p_st_task_ids       bigint[],
    p_st_from           text[],
    p_st_to             text[],
    p_st_sort_keys      integer[],
    p_st_most_recent    boolean[],
    p_st_metadata       text[],
    p_st_created_at     text[],
    p_tt_task_ids       bigint[],
    p_tt_from           text[],
    p_tt_to             text[],
    p_tt_sort_keys      integer[],
    p_tt_most_recent    boolean[],
    p_tt_metadata       text[],
    p_tt_created_at     text[],
    p_task_ids          bigint[],
    p_task_complete     boolean[],
    p_task_next_run_at  text[],
    p_task_release      boolean[]
) RETURNS bigint[]
LANGUAGE plpgsql
-- Generic plans: with its array parameters PostgreSQL would otherwise re-plan every statement on every call
-- (custom plans), which measured at 290 us a call against 100 us with the cached generic plans; the
-- statements are keyed by ids, so the generic plans are index lookups whatever the array sizes.
SET plan_cache_mode = force_generic_plan
-- Every statement here is keyed by ids, so an index lookup is always right; without this, a plan made while a
-- new database had no statistics yet read the transitions table in full on every call (seen in benchmarks).
SET enable_seqscan = off
-- ... and a plain index scan: the bitmap scan a generic plan otherwise picks for "= ANY (ids)" costs more to set up
-- per call (executor start and end are most of what a one-step call spends outside its statements) than it saves.
SET enable_bitmapscan = off
AS
$$
DECLARE
    v_held  bigint[];
    v_one   bigint;
    v_stale bigint[];
    v_due   timestamptz;
BEGIN
    IF cardinality(p_fence_task_ids) = 1 THEN
        -- One task (every step of a chain): two plan nodes (lock, index scan) instead of the join's seven, whose
        -- start and end cost more than its run.
        SELECT t.task_id
          INTO v_one
          FROM tasker_tasks t
         WHERE t.task_id = p_fence_task_ids[1] AND t.claim_token = p_fence_tokens[1]
           FOR SHARE OF t;
        v_held := CASE WHEN FOUND THEN ARRAY[v_one] ELSE '{}' END;
    ELSE
        SELECT coalesce(array_agg(t.task_id), '{}')
          INTO v_held
          FROM (SELECT t.task_id
                  FROM tasker_tasks t
                  JOIN unnest(p_fence_task_ids, p_fence_tokens) AS f(task_id, token)
                    ON t.task_id = f.task_id AND t.claim_token = f.token
                 -- Redundant with the join, but an index condition whatever plan is cached: a generic plan made
                 -- while the table was small merge-joined a scan of the whole primary key (seen with auto_explain).
                 WHERE t.task_id = ANY (p_fence_task_ids)
                 ORDER BY t.task_id
                   FOR SHARE OF t) t;
    END IF;
    IF cardinality(v_held) < cardinality(p_fence_task_ids) THEN
        SELECT coalesce(array_agg(f), '{}') INTO v_stale FROM unnest(p_fence_task_ids) f WHERE f <> ALL (v_held);
    ELSE
        v_stale := '{}';
    END IF;

    IF cardinality(p_step_ids) > 0 THEN
        UPDATE tasker_workflow_steps ws
           SET attempts                = u.attempts,
               in_process              = u.in_process,
               processed               = u.processed,
               processed_at            = u.processed_at::timestamptz,
               last_attempted_at       = u.last_attempted_at::timestamptz,
               backoff_request_seconds = u.backoff_seconds,
               retryable               = u.retryable,
               results                 = coalesce(u.results::jsonb, ws.results),
               updated_at              = now()
          FROM unnest(p_step_ids, p_step_task_ids, p_attempts, p_in_process, p_processed, p_processed_at,
                      p_last_attempted_at, p_backoff_seconds, p_retryable, p_results)
               AS u(step_id, task_id, attempts, in_process, processed, processed_at,
                    last_attempted_at, backoff_seconds, retryable, results)
         -- The ANY is redundant with the join; it keeps the step rows an index lookup in any cached plan (a
         -- generic plan made on a small table hash-joined a scan of the whole primary key).
         WHERE ws.workflow_step_id = u.step_id AND ws.workflow_step_id = ANY (p_step_ids) AND u.task_id = ANY (v_held);
    END IF;

    IF cardinality(p_st_step_ids) > 0 THEN
        UPDATE tasker_workflow_step_transitions t
           SET most_recent = false, updated_at = now()
         -- IS TRUE keeps the task condition a filter: as an index condition, a generic plan scanned the task's
         -- every current transition (its partial task_id index) instead of looking up the steps' current ones.
         WHERE t.workflow_step_id = ANY (p_st_step_ids) AND t.most_recent AND (t.task_id = ANY (v_held)) IS TRUE;

        INSERT INTO tasker_workflow_step_transitions
               (workflow_step_id, task_id, from_state, to_state, sort_key, most_recent, metadata, created_at, updated_at)
        SELECT u.step_id, u.task_id, u.from_state, u.to_state, u.sort_key, u.most_recent,
               coalesce(u.metadata::jsonb, '{}'::jsonb), u.created_at::timestamptz, u.created_at::timestamptz
          FROM unnest(p_st_step_ids, p_st_task_ids, p_st_from, p_st_to, p_st_sort_keys,
                      p_st_most_recent, p_st_metadata, p_st_created_at)
               AS u(step_id, task_id, from_state, to_state, sort_key, most_recent, metadata, created_at)
         WHERE u.task_id = ANY (v_held);
    END IF;

    IF cardinality(p_tt_task_ids) > 0 THEN
        UPDATE tasker_task_transitions t
           SET most_recent = false, updated_at = now()
         WHERE t.task_id = ANY (p_tt_task_ids) AND t.most_recent AND t.task_id = ANY (v_held);

        INSERT INTO tasker_task_transitions
               (task_id, from_state, to_state, sort_key, most_recent, metadata, created_at, updated_at)
        SELECT u.task_id, u.from_state, u.to_state, u.sort_key, u.most_recent,
               coalesce(u.metadata::jsonb, '{}'::jsonb), u.created_at::timestamptz, u.created_at::timestamptz
          FROM unnest(p_tt_task_ids, p_tt_from, p_tt_to, p_tt_sort_keys, p_tt_most_recent, p_tt_metadata, p_tt_created_at)
               AS u(task_id, from_state, to_state, sort_key, most_recent, metadata, created_at)
         WHERE u.task_id = ANY (v_held);
    END IF;

    IF cardinality(p_task_ids) > 0 THEN
        UPDATE tasker_tasks t
           SET complete    = u.complete,
               next_run_at = CASE WHEN u.release THEN u.next_run_at::timestamptz ELSE t.next_run_at END,
               claimed_by  = CASE WHEN u.release THEN NULL ELSE t.claimed_by END,
               updated_at  = now()
          FROM unnest(p_task_ids, p_task_complete, p_task_next_run_at, p_task_release)
               AS u(task_id, complete, next_run_at, release)
         WHERE t.task_id = u.task_id AND t.task_id = ANY (v_held);

        SELECT min(u.next_run_at::timestamptz)
          INTO v_due
          FROM unnest(p_task_ids, p_task_next_run_at, p_task_release) AS u(task_id, next_run_at, release)
         WHERE u.release AND u.next_run_at IS NOT NULL AND u.task_id = ANY (v_held);
        IF v_due IS NOT NULL THEN
            PERFORM pg_notify('tasker_work', (floor(extract(epoch FROM v_due) * 1000))::bigint::text);
        END IF;
    END IF;
    RETURN v_stale;
END;
$$;
