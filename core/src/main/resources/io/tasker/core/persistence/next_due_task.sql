-- When the queue has work next (new, delayed, or a lease that will expire): the first entry of the
-- next_run_at index, for an idle worker's timer.
SELECT min(next_run_at) FROM tasker_tasks WHERE next_run_at IS NOT NULL
