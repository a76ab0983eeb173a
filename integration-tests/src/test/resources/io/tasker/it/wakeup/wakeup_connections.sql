SELECT count(*) FROM pg_stat_activity WHERE application_name = 'tasker-wakeup' AND datname = current_database()
