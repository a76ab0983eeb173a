-- Step transitions of the batch's tasks, found through their steps: the (workflow_step_id, sort_key) index
-- covers every row, while the task_id index covers only the most recent ones.
DELETE FROM tasker_workflow_step_transitions
 WHERE workflow_step_id IN (SELECT workflow_step_id FROM tasker_workflow_steps WHERE task_id = ANY (?::bigint[]))
