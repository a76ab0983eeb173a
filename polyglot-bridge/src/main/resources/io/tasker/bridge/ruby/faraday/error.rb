# frozen_string_literal: true

module Faraday
  # Faraday's error tree; `response` is a Hash with :status, :headers, :body, :request.
  class Error < StandardError
    attr_reader :response, :wrapped_exception

    def initialize(exception = nil, response = nil)
      @response = response
      @wrapped_exception = exception if exception.is_a?(Exception)
      super(exception.is_a?(Exception) ? exception.message : (exception || default_message).to_s)
    end

    def response_status
      response&.[](:status)
    end

    def response_headers
      response&.[](:headers)
    end

    def response_body
      response&.[](:body)
    end

    private

    def default_message
      response ? "the server responded with status #{response_status}" : self.class.name
    end
  end

  class ClientError < Error; end
  class BadRequestError < ClientError; end
  class UnauthorizedError < ClientError; end
  class ForbiddenError < ClientError; end
  class ResourceNotFound < ClientError; end
  class ProxyAuthError < ClientError; end
  class RequestTimeoutError < ClientError; end
  class ConflictError < ClientError; end
  class UnprocessableEntityError < ClientError; end
  class TooManyRequestsError < ClientError; end
  class ServerError < Error; end
  class TimeoutError < ServerError; end
  class NilStatusError < ServerError; end
  class ConnectionFailed < Error; end
  class SSLError < Error; end
  class ParsingError < Error; end
end
