SET LOCAL password_encryption = 'scram-sha-256';
CREATE ROLE tasker_wakeup_scram LOGIN PASSWORD 'scram test password';
SELECT substr(rolpassword, 1, 14) FROM pg_authid WHERE rolname = 'tasker_wakeup_scram'
