-- Puts one step into an arbitrary state for the readiness parity test.
UPDATE tasker_workflow_steps
   SET attempts = ?, retry_limit = ?, retryable = ?, in_process = ?, processed = ?,
       backoff_request_seconds = ?, last_attempted_at = ?
 WHERE workflow_step_id = ?
