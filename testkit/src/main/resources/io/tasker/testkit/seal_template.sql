-- Marks the migrated template as one and locks it: a stray connection would make every copy fail.
ALTER DATABASE %s WITH IS_TEMPLATE true ALLOW_CONNECTIONS false
