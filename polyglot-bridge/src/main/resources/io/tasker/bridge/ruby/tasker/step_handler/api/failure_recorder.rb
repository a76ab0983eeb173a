# frozen_string_literal: true

module Tasker
  module StepHandler
    class Api < Base
      # What Tasker's Api handler does with a failure before re-raising it: ask for a backoff on the
      # step and write the error into the step's results, so that the stored results explain it.
      class FailureRecorder
        MAX_BACKOFF_SECONDS = 300

        def initialize(step, config)
          @step = step
          @config = config
        end

        def record(error)
          request_backoff(error)
          add_error_to_results(error)
        end

        private

        def request_backoff(error)
          seconds = backoff_seconds(error)
          @step.backoff_request_seconds = seconds if seconds
        end

        def backoff_seconds(error)
          if error.is_a?(Tasker::RetryableError) && !error.context.to_h[:skip_backoff]
            return [error.retry_after.to_i, MAX_BACKOFF_SECONDS].min if error.retry_after

            exponential_backoff if @config.respond_to?(:enable_exponential_backoff) && @config.enable_exponential_backoff
          elsif error.is_a?(Faraday::Error) && [429, 503].include?(error.response_status)
            [RetryAfter.seconds(error.response_headers&.[]('Retry-After')) || 1, MAX_BACKOFF_SECONDS].min
          end
        end

        def exponential_backoff
          delay = (@config.retry_delay || 1.0).to_f
          [(delay * (2**@step.attempts.to_i)).ceil, MAX_BACKOFF_SECONDS].min
        end

        def add_error_to_results(error)
          results = @step.results
          results = { original_response: results, response_type: results.class.name } unless results.is_a?(Hash) || results.nil?
          @step.results = (results || {}).merge(error: true, error_details: details(error))
        end

        def details(error)
          details = { message: error.message, class: error.class.name, backtrace: Array(error.backtrace).first(10) }
          details.merge!(response_status: error.response_status, response_body: error.response_body) if error.is_a?(Faraday::Error)
          %i[context error_code retry_after].each do |attribute|
            value = error.respond_to?(attribute) ? error.public_send(attribute) : nil
            details[attribute] = value if value.present?
          end
          details
        end
      end
    end
  end
end
