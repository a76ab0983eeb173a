-- Wakes idle workers (LISTEN tasker_work) when the transaction commits: new tasks are due now (payload: the
-- due time in epoch milliseconds; 0 = now).
SELECT pg_notify('tasker_work', '0')
