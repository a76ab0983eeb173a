-- Cumulative counters of this database and of the WAL (position and full-page images), read before and after a
-- measured window.
SELECT d.xact_commit, d.tup_inserted, d.tup_updated, d.tup_deleted, pg_current_wal_lsn() - '0/0'::pg_lsn AS wal_bytes,
       w.wal_fpi
  FROM pg_stat_database d, pg_stat_wal w
 WHERE d.datname = current_database()
