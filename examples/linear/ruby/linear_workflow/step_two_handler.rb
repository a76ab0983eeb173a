# frozen_string_literal: true

module LinearWorkflow
  # Squares the result of linear_step_1.
  class StepTwoHandler < Tasker::StepHandler::Base
    def process(_task, sequence, _step)
      previous = sequence.find_step_by_name('linear_step_1').results.deep_symbolize_keys[:result]
      { result: previous * previous }
    end
  end
end
