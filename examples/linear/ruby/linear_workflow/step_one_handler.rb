# frozen_string_literal: true

module LinearWorkflow
  # The root step squares the context's even number.
  class StepOneHandler < Tasker::StepHandler::Base
    def process(task, _sequence, _step)
      even_number = task.context['even_number']
      raise Tasker::PermanentError.new('context.even_number must be an even integer', error_code: 'BAD_CONTEXT') unless even_number.is_a?(Integer) && even_number.even?

      { result: even_number * even_number }
    end
  end
end
