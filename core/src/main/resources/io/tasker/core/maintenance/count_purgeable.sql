-- What a purge would remove (for --dry-run): the tasks of select_batch.sql without batches or locks, and the rows
-- of each dependent table that belong to them.
WITH doomed AS (
    SELECT tt.task_id
      FROM tasker_task_transitions tt
     WHERE tt.most_recent AND tt.to_state = ANY (?::text[]) AND tt.created_at < ?
), doomed_steps AS (
    SELECT ws.workflow_step_id FROM tasker_workflow_steps ws WHERE ws.task_id IN (SELECT task_id FROM doomed)
)
SELECT (SELECT count(*) FROM doomed) AS tasks,
       (SELECT count(*) FROM doomed_steps) AS workflow_steps,
       (SELECT count(*) FROM tasker_workflow_step_edges e
         WHERE e.task_id IN (SELECT task_id FROM doomed)) AS workflow_step_edges,
       (SELECT count(*) FROM tasker_workflow_step_transitions st
         WHERE st.workflow_step_id IN (SELECT workflow_step_id FROM doomed_steps)) AS workflow_step_transitions,
       (SELECT count(*) FROM tasker_task_transitions tt
         WHERE tt.task_id IN (SELECT task_id FROM doomed)) AS task_transitions,
       (SELECT count(*) FROM tasker_task_annotations a
         WHERE a.task_id IN (SELECT task_id FROM doomed)) AS task_annotations
