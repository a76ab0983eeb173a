# frozen_string_literal: true

module Faraday
  # `timeout` (seconds until the response arrives) and `open_timeout` (seconds to connect).
  class RequestOptions
    attr_accessor :timeout, :open_timeout, :read_timeout, :write_timeout, :params_encoder

    def initialize(timeout: nil, open_timeout: nil, read_timeout: nil, write_timeout: nil, params_encoder: nil, **_ignored)
      @timeout = timeout
      @open_timeout = open_timeout
      @read_timeout = read_timeout
      @write_timeout = write_timeout
      @params_encoder = params_encoder
    end

    def merge(other)
      RequestOptions.new(timeout: other.timeout || timeout, open_timeout: other.open_timeout || open_timeout,
                         read_timeout: other.read_timeout || read_timeout)
    end

    def [](key)
      public_send(key)
    end

    def []=(key, value)
      public_send("#{key}=", value)
    end
  end

  # What the block of `connection.get(...) { |req| ... }` may change.
  class Request
    attr_accessor :http_method, :path, :params, :headers, :body, :options

    def initialize(http_method, path, params, headers, body, options)
      @http_method = http_method
      @path = path
      @params = params
      @headers = headers
      @body = body
      @options = options
    end

    def url(path, params = nil)
      uri = URI.parse(path.to_s)
      self.params = self.params.merge(Utils.parse_nested_query(uri.query)) if uri.query
      uri.query = nil
      @path = uri.to_s
      self.params = self.params.merge(params) if params
    end

    def [](key)
      headers[key]
    end

    def []=(key, value)
      headers[key] = value
    end
  end
end
