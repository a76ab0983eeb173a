-- Makes one database go away: no new connections, and every open one is terminated.
SELECT format('ALTER DATABASE %I ALLOW_CONNECTIONS false', ?)
