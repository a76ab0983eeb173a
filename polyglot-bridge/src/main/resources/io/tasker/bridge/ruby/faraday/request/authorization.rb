# frozen_string_literal: true

module Faraday
  class Request
    # `conn.request :authorization, 'Bearer', token` (token may be a callable, asked on every request,
    # with the Env when it takes an argument) and `conn.request :authorization, :basic, user, password`.
    # An Authorization header the request already has is kept.
    class Authorization < Faraday::Middleware
      KEY = 'Authorization'

      def initialize(app, type, *params)
        @type = type
        @params = params
        super(app)
      end

      def on_request(env)
        return if env.request_headers[KEY]

        env.request_headers[KEY] = header_from(env)
      end

      private

      def header_from(env)
        return Authorization.basic(*@params) if @type.to_s.casecmp?('basic') && @params.size == 2
        raise ArgumentError, "Unexpected params received (got #{@params.size} instead of 1)" unless @params.size == 1

        value = @params.first
        value = value.arity == 1 ? value.call(env) : value.call if value.respond_to?(:call)
        "#{@type} #{value}"
      end

      def self.basic(user, password)
        "Basic #{Base64.strict_encode64("#{user}:#{password}")}"
      end
    end

    # Faraday 1's `conn.request :basic_auth, user, password` (gone from Faraday 2, kept for older apps).
    class BasicAuthentication < Authorization
      def initialize(app, user, password)
        super(app, :basic, user, password)
      end
    end

    # Faraday 1's `conn.request :token_auth, token, **options`: Token token="abc", key="value".
    class TokenAuthentication < Faraday::Middleware
      def initialize(app, token, options = {})
        @value = "Token #{{ token: token }.merge(options).map { |key, item| %(#{key}="#{item}") }.join(', ')}"
        super(app)
      end

      def on_request(env)
        env.request_headers[Authorization::KEY] ||= @value
      end
    end
  end
end
