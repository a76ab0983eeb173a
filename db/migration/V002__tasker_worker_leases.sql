-- Many workers on one PostgreSQL (ARCHITECTURE.md §3-4): a task is run by the worker that holds its lease.
--
-- The lease lives on the task row, not on each step: the worker that claims a task keeps its DAG in memory
-- and is the only writer of its steps until the lease ends, so one heartbeat row per task covers every
-- attempt in flight, and no hot-path statement joins across tasks.
--
--   claimed_by   the worker holding the lease (host:pid:instance), NULL when no one does.
--   claim_token  the fencing token: raised by every claim. Every write of the engine names the token it
--                holds and is refused (the whole task's part of the write) when the token moved on, so a
--                worker that lost its lease (paused, partitioned, stolen by an operator) can never apply a
--                late completion.
--   next_run_at  (from V001) the time the queue looks at the task again. NULL: nothing to do (finished,
--                or created to be run by its creator). While claimed it is the lease expiry, so a lease
--                that was not renewed shows up in the same index range as new and delayed work:
--                claimable  <=>  next_run_at <= now().
ALTER TABLE tasker_tasks
    ADD COLUMN claimed_by  varchar(128),
    ADD COLUMN claim_token bigint NOT NULL DEFAULT 0;
