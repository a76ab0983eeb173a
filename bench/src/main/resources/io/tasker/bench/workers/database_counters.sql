-- Cumulative counters of this database and the WAL position, read before and after a measured window.
SELECT xact_commit, tup_inserted, tup_updated, tup_deleted, pg_current_wal_lsn() - '0/0'::pg_lsn AS wal_bytes
  FROM pg_stat_database
 WHERE datname = current_database()
