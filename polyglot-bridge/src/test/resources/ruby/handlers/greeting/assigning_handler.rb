# frozen_string_literal: true

module Greeting
  # Assigns step.results itself; its return value must not replace them.
  class AssigningHandler < Tasker::StepHandler::Base
    def process(_task, _sequence, step)
      step.results = { assigned: true }
      { returned: true }
    end
  end
end
