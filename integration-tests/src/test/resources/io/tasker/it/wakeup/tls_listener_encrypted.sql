SELECT s.ssl FROM pg_stat_ssl s JOIN pg_stat_activity a ON a.pid = s.pid
WHERE a.application_name = 'tasker-wakeup'
ORDER BY a.backend_start DESC
LIMIT 1
