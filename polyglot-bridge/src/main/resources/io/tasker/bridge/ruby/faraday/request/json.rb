# frozen_string_literal: true

module Faraday
  class Request
    # `conn.request :json`: a body that is not a String becomes JSON when the request has no content
    # type or a JSON one; the content type is set to application/json when missing.
    class Json < Faraday::Middleware
      MIME_TYPE = 'application/json'
      MIME_TYPE_REGEX = %r{\Aapplication/(vnd\..+\+)?json\z}

      def on_request(env)
        return unless body?(env) && json_type?(Request.content_type(env))

        env.request_headers['Content-Type'] ||= MIME_TYPE
        env[:body] = JSON.generate(env[:body]) unless env[:body].respond_to?(:to_str)
      end

      private

      def body?(env)
        body = env[:body]
        !body.nil? && !(body.respond_to?(:to_str) && body.empty?)
      end

      def json_type?(type)
        type.empty? || MIME_TYPE_REGEX.match?(type)
      end
    end

    # The request's content type without its parameters ("application/json; charset=utf-8" → "application/json").
    def self.content_type(env)
      env.request_headers['Content-Type'].to_s.split(';', 2).first.to_s.strip
    end
  end
end
