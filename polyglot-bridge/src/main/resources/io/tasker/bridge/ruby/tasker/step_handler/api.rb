# frozen_string_literal: true

module Tasker
  module StepHandler
    # A step that calls an HTTP API through a Faraday-compatible `connection`; the response's status
    # decides between success, a retryable and a permanent failure (see ResponseCheck).
    class Api < Base
      attr_reader :connection

      def initialize(config: Config.new, &connection_block)
        validate(config)
        super(config: config)
        @connection = Faraday.new(url: config.url, params: config.params || {}, headers: config.headers || {},
                                  ssl: config.ssl)
        connection_block&.call(@connection)
      end

      def handle(task, sequence, step)
        initial_results = step.results
        response = process(task, sequence, step)
        ResponseCheck.new(response).verify!
        process_results(step, response, initial_results)
        response
      rescue StandardError => e
        record_failure(step, e)
        raise
      end

      # Api handlers written before `process` existed implemented `call`.
      def process(task, sequence, step)
        return call(task, sequence, step) if respond_to?(:call)

        super
      end

      private

      def record_failure(step, error)
        FailureRecorder.new(step, config).record(error)
      rescue StandardError => e
        Tasker::Bridge.logger.write(:warn, "could not add #{error.class} to the results of #{step.name}: #{e.class}: #{e.message}")
      end

      def validate(config)
        raise ArgumentError, 'Api handler config must respond to url' unless config.respond_to?(:url)

        url = config.url.to_s
        uri = URI.parse(url)
        raise ArgumentError, "Api handler url #{url.inspect} needs a scheme and a host" if url.blank? || uri.scheme.blank? || uri.host.blank?
      rescue URI::Error => e
        raise ArgumentError, "Api handler url #{url.inspect} is not a URL: #{e.message}"
      end
    end
  end
end
