# frozen_string_literal: true

module Faraday
  class Response
    # `conn.response :logger[, logger]`: one line per request and one per response, into the engine's
    # log (Rails.logger) unless a logger is given. Headers and bodies are not logged.
    class Logger < Faraday::Middleware
      def initialize(app, logger = nil, options = {})
        super(app, options)
        @logger = logger || Rails.logger
      end

      def on_request(env)
        @logger.info("request: #{env.method.upcase} #{env.url}")
      end

      def on_complete(env)
        @logger.info("response: Status #{env.status} (#{env.method.upcase} #{env.url})")
      end
    end
  end
end
