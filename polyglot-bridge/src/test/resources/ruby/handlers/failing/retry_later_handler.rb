# frozen_string_literal: true

module Failing
  class RetryLaterHandler < Tasker::StepHandler::Base
    def process(_task, _sequence, _step)
      raise Tasker::RetryableError.new('gateway busy', retry_after: 2.minutes, context: { reason: :busy, since: Time.utc(2026, 3, 1) })
    end
  end
end
