-- A row that proves which database, or which server, a later read talks to.
INSERT INTO tasker_task_namespaces (name, description) VALUES (?, 'written by a database test')
