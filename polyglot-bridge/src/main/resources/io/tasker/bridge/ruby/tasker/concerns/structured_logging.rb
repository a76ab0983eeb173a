# frozen_string_literal: true

module Tasker
  module Concerns
    # `log_structured(level, message, **context)`: one structured line through the engine, which adds
    # the task's correlation id.
    module StructuredLogging
      def log_structured(level, message, **context)
        Tasker::Bridge.logger.write(level.to_sym, message.to_s, **context)
      end

      def log_exception(exception, context: {}, level: :error)
        log_structured(level, exception.message, exception_class: exception.class.name,
                                                 backtrace: Array(exception.backtrace).first(10), **context)
      end
    end
  end
end
