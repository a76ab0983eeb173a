# frozen_string_literal: true

module Faraday
  # `timeout` (seconds until the response arrives) and `open_timeout` (seconds to connect) are what
  # the JDK adapter uses; the other members are kept for middleware that read them.
  class RequestOptions
    MEMBERS = %i[params_encoder proxy bind timeout open_timeout read_timeout write_timeout boundary oauth context
                 on_data].freeze

    attr_accessor(*MEMBERS)

    def initialize(**options)
      options.each { |key, value| self[key] = value }
    end

    def [](key)
      public_send(member(key))
    end

    def []=(key, value)
      public_send("#{member(key)}=", value)
    end

    def to_hash
      MEMBERS.to_h { |name| [name, public_send(name)] }
    end

    private

    def member(key)
      return key.to_sym if MEMBERS.include?(key.to_sym)

      raise ArgumentError, "#{key.inspect} is not a Faraday request option (#{MEMBERS.join(', ')})"
    end
  end

  # What the block of `connection.get(...) { |req| ... }` may change. Faraday::Request also names the
  # request middleware (`conn.request :json`).
  class Request
    extend MiddlewareRegistry

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
      self.params = self.params.merge(params.transform_keys(&:to_s)) if params
    end

    def [](key)
      headers[key]
    end

    def []=(key, value)
      headers[key] = value
    end
  end
end
