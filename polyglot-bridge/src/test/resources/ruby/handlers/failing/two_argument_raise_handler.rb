# frozen_string_literal: true

module Failing
  class TwoArgumentRaiseHandler < Tasker::StepHandler::Base
    def process(task, _sequence, _step)
      raise Tasker::PermanentError, 'no such order' if task.context[:permanent]

      raise Tasker::RetryableError, 'flaky'
    end
  end
end
