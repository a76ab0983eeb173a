# frozen_string_literal: true

module Faraday
  # The request as sent and the response as received, as Faraday's middleware see them.
  class Env
    attr_accessor :method, :url, :request_headers, :request_body, :status, :response_headers, :body,
                  :reason_phrase, :request

    def initialize(method:, url:, request_headers:, request_body:, request:)
      @method = method
      @url = url
      @request_headers = request_headers
      @request_body = request_body
      @request = request
    end

    def success?
      (200..299).cover?(status.to_i)
    end

    def [](key)
      public_send(key == :response_body ? :body : key)
    end
  end

  class Response
    attr_reader :env

    def initialize(env)
      @env = env
    end

    def status
      env.status
    end

    def reason_phrase
      env.reason_phrase
    end

    def headers
      env.response_headers
    end

    def body
      env.body
    end

    def success?
      env.success?
    end

    def finished?
      true
    end

    def to_hash
      { status: status, body: body, response_headers: headers, url: env.url }
    end

    # How the response is stored when a handler leaves it as its results.
    def as_json(*)
      { 'status' => status, 'body' => body, 'headers' => headers.to_h }
    end

    def inspect
      "#<Faraday::Response status=#{status} url=#{env.url}>"
    end
  end
end
