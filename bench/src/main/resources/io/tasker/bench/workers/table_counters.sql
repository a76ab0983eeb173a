-- Row writes per table so far (inserted, updated, of which HOT, deleted), for the tables the hot path writes.
SELECT relname, n_tup_ins, n_tup_upd, n_tup_hot_upd, n_tup_del
  FROM pg_stat_user_tables
 WHERE relname LIKE 'tasker\_%'
 ORDER BY relname
