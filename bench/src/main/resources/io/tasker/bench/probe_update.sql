UPDATE bench_commit_probe SET n = n + 1 WHERE id = 1
