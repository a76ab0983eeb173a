# frozen_string_literal: true

module Failing
  # Records progress in step.results before failing; Tasker keeps such results.
  class PartialResultsHandler < Tasker::StepHandler::Base
    def process(_task, _sequence, step)
      step.results = { charged: true, at: :checkout }
      raise 'shipping label printer on fire'
    end
  end
end
