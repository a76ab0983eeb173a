# frozen_string_literal: true

module Hooked
  # Shows what the step sees of what the task handler's hooks established.
  class EchoHandler < Tasker::StepHandler::Base
    def process(task, _sequence, step)
      { context: task.context, retry_limit: step.retry_limit, retryable: step.retryable, total: 42 }
    end
  end
end
