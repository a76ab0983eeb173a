# frozen_string_literal: true

module LinearWorkflow
  # Squares the result of linear_step_3.
  class StepFourHandler < Tasker::StepHandler::Base
    def process(_task, sequence, _step)
      previous = sequence.find_step_by_name('linear_step_3').results.deep_symbolize_keys[:result]
      { result: previous * previous }
    end
  end
end
