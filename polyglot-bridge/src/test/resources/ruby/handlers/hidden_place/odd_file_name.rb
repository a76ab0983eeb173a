# frozen_string_literal: true

# A class whose file name does not follow the constant path: only eager loading finds it.
module Elsewhere
  class HiddenHandler < Tasker::StepHandler::Base
    def process(_task, _sequence, _step)
      { found_by: 'eager loading' }
    end
  end
end
