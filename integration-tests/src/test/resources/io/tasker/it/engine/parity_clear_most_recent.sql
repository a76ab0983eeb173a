UPDATE tasker_workflow_step_transitions SET most_recent = false WHERE workflow_step_id = ?
