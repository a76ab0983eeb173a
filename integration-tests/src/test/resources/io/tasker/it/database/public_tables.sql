-- The tables of the public schema, where the migrations create Tasker's schema.
SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name
