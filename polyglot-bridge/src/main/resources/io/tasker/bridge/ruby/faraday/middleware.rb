# frozen_string_literal: true

module Faraday
  # The base of every middleware, as in Faraday 2: it wraps the next app of the stack; `on_request`
  # runs on the way in, `on_complete` once the response is there, `on_error` when something inside
  # raised. Subclasses may override `call` instead and call `@app.call(env)` themselves.
  class Middleware
    extend MiddlewareRegistry

    attr_reader :app, :options

    def self.default_options
      @default_options ||= superclass.respond_to?(:default_options) ? superclass.default_options.dup : {}
    end

    def initialize(app = nil, options = {})
      @app = app
      @options = self.class.default_options.merge(options || {})
    end

    def call(env)
      on_request(env) if respond_to?(:on_request)
      @app.call(env).on_complete do |environment|
        on_complete(environment) if respond_to?(:on_complete)
      end
    rescue StandardError => e
      on_error(e) if respond_to?(:on_error)
      raise
    end

    def close
      app.close if app.respond_to?(:close)
    end
  end
end
