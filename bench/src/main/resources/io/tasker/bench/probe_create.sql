CREATE TABLE IF NOT EXISTS bench_commit_probe (id int PRIMARY KEY, n bigint NOT NULL);
INSERT INTO bench_commit_probe VALUES (1, 0) ON CONFLICT DO NOTHING
