# frozen_string_literal: true

module Failing
  class PermanentHandler < Tasker::StepHandler::Base
    def process(_task, _sequence, _step)
      raise Tasker::PermanentError.new('card declined', error_code: 'CARD_DECLINED', context: { card: 'visa' })
    end
  end
end
