# frozen_string_literal: true

module Faraday
  # What a request returns. The adapter finishes it with the Env of the response; `on_complete`
  # blocks registered before that run then, later ones at once (requests here are never parallel).
  class Response
    extend MiddlewareRegistry

    # Faraday 1's base for response middleware: `parse(body)`, when defined, replaces the body.
    # Faraday 2 dropped it for Faraday::Middleware#on_complete; both work here.
    class Middleware < Faraday::Middleware
      def on_complete(env)
        return unless respond_to?(:parse, true) && env.parse_body?

        env.body = parse(env.body)
      end
    end

    attr_reader :env

    def initialize(env = nil)
      @env = Env.from(env) if env
      @on_complete_callbacks = []
    end

    def status
      finished? ? env.status : nil
    end

    def reason_phrase
      finished? ? env.reason_phrase : nil
    end

    def headers
      finished? ? env.response_headers : {}
    end

    def body
      finished? ? env.body : nil
    end

    def url
      finished? ? env.url : nil
    end

    def finished?
      !env.nil?
    end

    def on_complete(&block)
      finished? ? yield(env) : @on_complete_callbacks << block
      self
    end

    def finish(env)
      raise 'response already finished' if finished?

      @env = Env.from(env)
      @on_complete_callbacks.each { |callback| callback.call(@env) }
      self
    end

    def success?
      finished? && env.success?
    end

    def to_hash
      { status: status, body: body, response_headers: headers, url: url }
    end

    # How the response is stored when a handler leaves it as its results.
    def as_json(*)
      { 'status' => status, 'body' => body, 'headers' => headers.to_h }
    end

    def inspect
      "#<Faraday::Response status=#{status} url=#{url}>"
    end
  end
end
