# frozen_string_literal: true

module Tasker
  module StepHandler
    class Api < Base
      # Tasker's response processor: 2xx succeeds; 429 and 503 are retryable after the server's
      # Retry-After; 400, 401, 403, 404 and 422 are permanent; any other status is retryable.
      # A process result without a status (a plain Hash of data) is not checked.
      class ResponseCheck
        SUCCESS = (200..226).freeze
        BACKOFF = [429, 503].freeze
        PERMANENT = [400, 401, 403, 404, 422].freeze

        def initialize(response)
          @response = response
        end

        def verify!
          return if status.nil? || SUCCESS.cover?(status)
          raise backoff_error if BACKOFF.include?(status)
          raise permanent_error if PERMANENT.include?(status)

          raise Tasker::RetryableError.new("HTTP #{status}: #{truncated_body}",
                                           context: { status: status, body: truncated_body, skip_backoff: true })
        end

        private

        def backoff_error
          retry_after = RetryAfter.seconds(header('Retry-After'))
          Tasker::RetryableError.new("HTTP #{status}: the server asks to retry #{retry_after ? "after #{retry_after} s" : 'later'}",
                                     retry_after: retry_after, context: { status: status, body: truncated_body })
        end

        def permanent_error
          Tasker::PermanentError.new("Permanent failure: HTTP #{status}: #{truncated_body}",
                                     error_code: "HTTP_#{status}", context: { status: status, body: truncated_body })
        end

        def status
          field(:status)&.to_i
        end

        def truncated_body
          body = field(:body)
          (body.is_a?(String) ? body : body.to_json).truncate(1000)
        end

        def header(name)
          headers = field(:headers) || field(:response_headers) || {}
          headers.find { |key, _| key.to_s.casecmp?(name) }&.last
        end

        def field(name)
          if @response.is_a?(Hash)
            @response.key?(name) ? @response[name] : @response[name.to_s]
          elsif @response.respond_to?(name)
            @response.public_send(name)
          end
        end
      end

      # The Retry-After header: whole seconds, or an HTTP date turned into seconds from now (at least 1).
      module RetryAfter
        LONG = 3600

        def self.seconds(value)
          return nil if value.blank?

          text = value.to_s.strip
          seconds = text.match?(/\A\d+\z/) ? text.to_i : [(Time.httpdate(text) - Time.now).ceil, 1].max
          Tasker::Bridge.logger.write(:warn, "Retry-After of #{seconds} s is unusually long") if seconds > LONG
          seconds
        rescue ArgumentError
          nil
        end
      end
    end
  end
end
