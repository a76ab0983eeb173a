# frozen_string_literal: true

module Faraday
  class Response
    # `conn.response :raise_error`: 4xx and 5xx responses raise Faraday's error for their status.
    class RaiseError < Faraday::Middleware
      ERRORS = { 400 => BadRequestError, 401 => UnauthorizedError, 403 => ForbiddenError, 404 => ResourceNotFound,
                 407 => ProxyAuthError, 408 => RequestTimeoutError, 409 => ConflictError,
                 422 => UnprocessableEntityError, 429 => TooManyRequestsError }.freeze

      def on_complete(env)
        error = error_class(env.status)
        raise error.new(nil, response_values(env)) if error
      end

      private

      def response_values(env)
        { status: env.status, headers: env.response_headers, body: env.body,
          request: { method: env.method, url: env.url.to_s, url_path: env.url.path, headers: env.request_headers,
                     body: env.request_body } }
      end

      def error_class(status)
        return NilStatusError if status.nil?

        ERRORS[status] || (ClientError if (400..499).cover?(status)) || (ServerError if (500..599).cover?(status))
      end
    end
  end
end
