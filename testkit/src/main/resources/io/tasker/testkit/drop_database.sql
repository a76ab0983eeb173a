-- FORCE disconnects sessions a test left open (a pool it did not close) instead of failing.
DROP DATABASE IF EXISTS %s WITH (FORCE)
