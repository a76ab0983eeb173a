-- One sample of what every other session of this database does: running (on CPU, as far as PostgreSQL knows) or
-- waiting (and on what), and a short name of its statement. Sessions idle between statements are 'idle'.
SELECT CASE WHEN state = 'active' THEN coalesce(wait_event_type || ':' || wait_event, 'CPU')
            ELSE coalesce(state, '?') END AS doing,
       CASE WHEN state = 'active' OR state = 'idle in transaction'
            THEN regexp_replace(substring(query FROM '(?:SELECT|INSERT|UPDATE|WITH|DELETE)[^(]{0,40}'), '\s+', ' ', 'g')
            ELSE '' END AS statement
  FROM pg_stat_activity
 WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'
