-- Whether a database of the given name exists on this server.
SELECT 1 FROM pg_database WHERE datname = ?
