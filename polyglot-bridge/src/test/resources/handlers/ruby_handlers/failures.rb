# frozen_string_literal: true

module RubyHandlers
  class CardDeclined < Tasker::PermanentError; end

  # Fails, per its handler_config's kind, in each way the engine tells apart.
  class Failures
    def initialize(config: nil)
      @config = config
    end

    def process(_task, _sequence, step)
      case @config['kind']
      when 'retryable' then raise Tasker::RetryableError.new('rate limited', retry_after: 7, context: { attempt: step.attempts })
      when 'permanent' then raise Tasker::PermanentError.new('card declined', error_code: 'DECLINED', context: { card: 'visa' })
      when 'permanent_subclass' then raise CardDeclined.new('declined again', error_code: 'DECLINED_AGAIN')
      when 'two_argument_raise' then raise Tasker::RetryableError, 'plain message'
      else fetch_missing
      end
    end

    private

    def fetch_missing
      [].fetch(3)
    end
  end
end
