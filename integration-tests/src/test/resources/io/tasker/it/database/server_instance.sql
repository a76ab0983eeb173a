-- Identifies one run of one server: its start time and port, and the database connected to.
SELECT pg_postmaster_start_time()::text, inet_server_port()::text, current_database()
