# frozen_string_literal: true

module Greeting
  # Builds the stored results in process_results, as the blog handlers do.
  class CustomResultsHandler < Tasker::StepHandler::Base
    def process(_task, _sequence, _step)
      { 'amount' => '10.50' }
    end

    def process_results(step, output, _initial_results)
      step.results = { charged: BigDecimal(output['amount']), processed_at: Time.utc(2026, 1, 1) }
    end
  end
end
