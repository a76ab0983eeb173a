# frozen_string_literal: true

module Faraday
  # The middleware Tasker applications configure on a connection, by name as in
  # `conn.request :json` or `conn.response :raise_error`. Request middleware prepare the Env before it
  # is sent; response middleware look at it afterwards.
  module Middleware
    JSON_TYPE = %r{\Aapplication/(?:[\w.+-]+\+)?json\b}i
    FORM_TYPE = 'application/x-www-form-urlencoded'

    # Bodies that are Hashes or Arrays become JSON when the content type says JSON (or `request :json`
    # asked for it) and a form otherwise.
    class EncodeBody
      def initialize(json: false)
        @json = json
      end

      def call(env)
        return if env.request_body.nil? || env.request_body.is_a?(String)

        type = env.request_headers['Content-Type'].to_s
        if @json && type.empty? || JSON_TYPE.match?(type)
          env.request_headers['Content-Type'] = 'application/json' if type.empty?
          env.request_body = JSON.generate(env.request_body)
        elsif type.empty? || type.start_with?(FORM_TYPE)
          env.request_headers['Content-Type'] = FORM_TYPE if type.empty?
          env.request_body = Utils.build_nested_query(env.request_body)
        end
      end
    end

    class Authorization
      def initialize(type, *credentials)
        @value = if type.to_s.casecmp?('basic') && credentials.size == 2
                   "Basic #{Base64.strict_encode64(credentials.join(':'))}"
                 else
                   "#{type} #{credentials.first.respond_to?(:call) ? credentials.first.call : credentials.first}"
                 end
      end

      def call(env)
        env.request_headers['Authorization'] ||= @value
      end
    end

    class ParseJson
      def initialize(parser_options: nil, content_type: JSON_TYPE, preserve_raw: false)
        @symbolize = parser_options&.[](:symbolize_names)
        @content_types = Array(content_type)
      end

      def call(env)
        return unless env.body.is_a?(String) && !env.body.strip.empty? && json?(env.response_headers['Content-Type'].to_s)

        env.body = JSON.parse(env.body, symbolize_names: @symbolize)
      rescue JSON::ParserError => e
        raise Faraday::ParsingError.new(e, { status: env.status, headers: env.response_headers, body: env.body })
      end

      private

      def json?(type)
        @content_types.any? { |expected| expected.is_a?(Regexp) ? expected.match?(type) : type.start_with?(expected) }
      end
    end

    class RaiseError
      ERRORS = { 400 => BadRequestError, 401 => UnauthorizedError, 403 => ForbiddenError, 404 => ResourceNotFound,
                 407 => ProxyAuthError, 408 => RequestTimeoutError, 409 => ConflictError,
                 422 => UnprocessableEntityError, 429 => TooManyRequestsError }.freeze

      def initialize(**_options); end

      def call(env)
        error = error_class(env.status)
        raise error.new(nil, { status: env.status, headers: env.response_headers, body: env.body,
                               request: { method: env.method, url: env.url.to_s } }) if error
      end

      private

      def error_class(status)
        return NilStatusError if status.nil?

        ERRORS[status] || (ClientError if (400..499).cover?(status)) || (ServerError if (500..599).cover?(status))
      end
    end

    class Logger
      def initialize(logger = nil, **_options)
        @logger = logger || Rails.logger
      end

      def call(env)
        @logger.info("#{env.method.upcase} #{env.url} -> #{env.status}")
      end
    end

    REQUEST = { json: ->(*_args, **_options) { EncodeBody.new(json: true) },
                url_encoded: ->(*_args, **_options) { EncodeBody.new },
                authorization: ->(*args, **_options) { Authorization.new(*args) } }.freeze
    RESPONSE = { json: ->(*_args, **options) { ParseJson.new(**options) },
                 raise_error: ->(*_args, **options) { RaiseError.new(**options) },
                 logger: ->(*args, **options) { Logger.new(*args, **options) } }.freeze

    def self.build(table, kind, name, args, options)
      factory = table[name.to_sym] if name.respond_to?(:to_sym)
      raise ArgumentError, "#{kind} middleware #{name.inspect} is not available in Tasker JVM's Faraday connection" unless factory

      factory.call(*args, **options)
    end
  end
end
