ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'
