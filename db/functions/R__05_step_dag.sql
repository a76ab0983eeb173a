-- The shape of a task's step DAG (TASKER-COMPAT.md §3.8).
--
-- The recursions below keep (step, depth) pairs with UNION, not paths with UNION ALL: a step reached at
-- the same depth along many paths is kept once, so the work grows with steps x depth and not with the
-- number of paths (which is exponential in a lattice-shaped DAG). Depth never exceeds the task's step
-- count minus one in a DAG; that bound also stops the recursion on cyclic data, which the engine never
-- writes but the schema does not forbid.

-- Dependency level of every step of a task: 0 for a root (no parent), else the length of the longest
-- path from a root, i.e. 1 + the highest level among its parents. Steps with the same level do not
-- depend on each other and may run in parallel.
CREATE OR REPLACE FUNCTION calculate_dependency_levels(input_task_id bigint)
RETURNS TABLE (
    workflow_step_id bigint,
    dependency_level integer
)
LANGUAGE sql STABLE PARALLEL SAFE
AS $function$
    WITH RECURSIVE task_step AS (
        SELECT ws.workflow_step_id
        FROM tasker_workflow_steps ws
        WHERE ws.task_id = input_task_id
    ),
    task_edge AS (
        SELECT edge.from_step_id, edge.to_step_id
        FROM tasker_workflow_step_edges edge
        WHERE edge.task_id = input_task_id
    ),
    reached (workflow_step_id, depth) AS (
        SELECT s.workflow_step_id, 0
        FROM task_step s
        WHERE NOT EXISTS (SELECT 1 FROM task_edge e WHERE e.to_step_id = s.workflow_step_id)
        UNION
        SELECT e.to_step_id, r.depth + 1
        FROM reached r
        JOIN task_edge e ON e.from_step_id = r.workflow_step_id
        WHERE r.depth < (SELECT count(*) FROM task_step)
    )
    SELECT s.workflow_step_id, max(r.depth)::integer AS dependency_level
    FROM task_step s
    LEFT JOIN reached r ON r.workflow_step_id = s.workflow_step_id
    GROUP BY s.workflow_step_id
    ORDER BY s.workflow_step_id
$function$;

COMMENT ON FUNCTION calculate_dependency_levels(bigint) IS
    'Longest-path level of each step of a task from the roots (0 = root), TASKER-COMPAT.md §3.8.';

-- One row per step: its parents and children (jsonb arrays of step ids, ascending), their counts, whether
-- it is a root or a leaf, and its shortest distance from a root (NULL for a step no root reaches, which
-- only cyclic data produces). Query it by task_id or workflow_step_id: the depths are computed once for
-- the task of the rows asked for, from that task's own steps and edges.
CREATE OR REPLACE VIEW tasker_step_dag_relationships AS
SELECT ws.workflow_step_id,
       ws.task_id,
       ws.named_step_id,
       parents.step_ids AS parent_step_ids,
       children.step_ids AS child_step_ids,
       parents.step_count AS parent_count,
       children.step_count AS child_count,
       parents.step_count = 0 AS is_root_step,
       children.step_count = 0 AS is_leaf_step,
       depth.min_depth_from_root
FROM tasker_tasks task
CROSS JOIN LATERAL (
    WITH RECURSIVE task_step AS (
        SELECT s.workflow_step_id
        FROM tasker_workflow_steps s
        WHERE s.task_id = task.task_id
    ),
    task_edge AS (
        SELECT edge.from_step_id, edge.to_step_id
        FROM tasker_workflow_step_edges edge
        WHERE edge.task_id = task.task_id
    ),
    reached (workflow_step_id, depth) AS (
        SELECT s.workflow_step_id, 0
        FROM task_step s
        WHERE NOT EXISTS (SELECT 1 FROM task_edge e WHERE e.to_step_id = s.workflow_step_id)
        UNION
        SELECT e.to_step_id, r.depth + 1
        FROM reached r
        JOIN task_edge e ON e.from_step_id = r.workflow_step_id
        WHERE r.depth < (SELECT count(*) FROM task_step)
    )
    SELECT s.workflow_step_id, min(r.depth)::integer AS min_depth_from_root
    FROM task_step s
    LEFT JOIN reached r ON r.workflow_step_id = s.workflow_step_id
    GROUP BY s.workflow_step_id
) depth
JOIN tasker_workflow_steps ws ON ws.task_id = task.task_id AND ws.workflow_step_id = depth.workflow_step_id
CROSS JOIN LATERAL (
    SELECT coalesce(jsonb_agg(edge.from_step_id ORDER BY edge.from_step_id), '[]'::jsonb) AS step_ids,
           count(*)::integer AS step_count
    FROM tasker_workflow_step_edges edge
    WHERE edge.to_step_id = ws.workflow_step_id
      AND edge.task_id = ws.task_id
) parents
CROSS JOIN LATERAL (
    SELECT coalesce(jsonb_agg(edge.to_step_id ORDER BY edge.to_step_id), '[]'::jsonb) AS step_ids,
           count(*)::integer AS step_count
    FROM tasker_workflow_step_edges edge
    WHERE edge.from_step_id = ws.workflow_step_id
      AND edge.task_id = ws.task_id
) children;

COMMENT ON VIEW tasker_step_dag_relationships IS
    'Parents, children, root/leaf flags and shortest depth from a root of every step; query it by task_id.';
