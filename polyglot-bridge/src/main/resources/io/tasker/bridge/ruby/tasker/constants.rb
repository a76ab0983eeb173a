# frozen_string_literal: true

module Tasker
  module Constants
    module WorkflowStepStatuses
      PENDING = 'pending'
      IN_PROGRESS = 'in_progress'
      ERROR = 'error'
      COMPLETE = 'complete'
      CANCELLED = 'cancelled'
      RESOLVED_MANUALLY = 'resolved_manually'
    end

    module TaskStatuses
      PENDING = 'pending'
      IN_PROGRESS = 'in_progress'
      ERROR = 'error'
      COMPLETE = 'complete'
      CANCELLED = 'cancelled'
      RESOLVED_MANUALLY = 'resolved_manually'
    end

    VALID_WORKFLOW_STEP_STATUSES = WorkflowStepStatuses.constants.map { |name| WorkflowStepStatuses.const_get(name) }.freeze
    VALID_TASK_STATUSES = TaskStatuses.constants.map { |name| TaskStatuses.const_get(name) }.freeze
    VALID_STEP_COMPLETION_STATES = [WorkflowStepStatuses::COMPLETE, WorkflowStepStatuses::RESOLVED_MANUALLY,
                                    WorkflowStepStatuses::CANCELLED].freeze
    VALID_STEP_STILL_WORKING_STATES = [WorkflowStepStatuses::PENDING, WorkflowStepStatuses::IN_PROGRESS].freeze
    UNREADY_WORKFLOW_STEP_STATUSES = [WorkflowStepStatuses::IN_PROGRESS, WorkflowStepStatuses::COMPLETE,
                                      WorkflowStepStatuses::CANCELLED, WorkflowStepStatuses::RESOLVED_MANUALLY].freeze
  end
end
