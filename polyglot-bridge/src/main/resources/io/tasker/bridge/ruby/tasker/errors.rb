# frozen_string_literal: true

module Tasker
  class Error < StandardError; end

  class ConfigurationError < Error; end

  class ProceduralError < Error; end

  class InvalidTaskHandlerConfig < ConfigurationError; end

  # Raised by the engine in the thread of an attempt that outlived its step's timeout. An Exception, not a
  # StandardError (like Timeout::ExitException), so that a handler's `rescue => e` does not swallow it; its
  # `ensure` blocks still run.
  class StepTimeoutError < Exception; end # rubocop:disable Lint/InheritException

  # A failure worth another attempt; `retry_after` (seconds) asks the engine to wait that long first.
  class RetryableError < ProceduralError
    attr_reader :retry_after, :context

    def initialize(message = nil, retry_after: nil, context: {})
      super(message)
      @retry_after = retry_after
      @context = context || {}
    end
  end

  # A failure no retry can fix: the engine marks the step non-retryable.
  class PermanentError < ProceduralError
    attr_reader :error_code, :context

    def initialize(message = nil, error_code: nil, context: {})
      super(message)
      @error_code = error_code
      @context = context || {}
    end
  end
end
