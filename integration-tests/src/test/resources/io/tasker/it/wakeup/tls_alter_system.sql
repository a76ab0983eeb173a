SELECT format('ALTER SYSTEM SET %I = %L', ?, ?)
