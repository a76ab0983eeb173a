-- Whether any task is still queued or held by a worker (finished tasks have no next_run_at): one index probe.
SELECT EXISTS (SELECT 1 FROM tasker_tasks WHERE next_run_at IS NOT NULL)
