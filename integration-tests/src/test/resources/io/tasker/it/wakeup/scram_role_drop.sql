DROP ROLE IF EXISTS tasker_wakeup_scram
