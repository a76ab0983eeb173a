-- Which of the given databases still exist on the server.
SELECT datname FROM pg_database WHERE datname = ANY (?)
