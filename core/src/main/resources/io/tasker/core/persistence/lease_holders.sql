-- Who holds the named tasks and until when (for the message of a refused claim).
SELECT t.task_id, t.claimed_by, t.next_run_at
  FROM tasker_tasks t
 WHERE t.task_id = ANY (?::bigint[])
