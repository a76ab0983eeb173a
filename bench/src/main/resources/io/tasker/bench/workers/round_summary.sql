-- A round's tasks: how many completed, and the first step start and last task completion as the workers
-- recorded them (epoch microseconds, the workers' clock; same machine as the harness).
SELECT count(*) FILTER (WHERE t.complete),
       (SELECT (extract(epoch FROM min(st.created_at)) * 1e6)::bigint
          FROM tasker_workflow_step_transitions st
         WHERE st.task_id BETWEEN ? AND ? AND st.to_state = 'in_progress'),
       (SELECT (extract(epoch FROM max(tt.created_at)) * 1e6)::bigint
          FROM tasker_task_transitions tt
         WHERE tt.task_id BETWEEN ? AND ? AND tt.to_state = 'complete')
  FROM tasker_tasks t
 WHERE t.task_id BETWEEN ? AND ?
