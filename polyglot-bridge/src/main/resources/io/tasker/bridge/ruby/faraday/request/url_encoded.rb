# frozen_string_literal: true

module Faraday
  class Request
    # `conn.request :url_encoded` (a connection built without a block has it): a Hash body becomes a form
    # (a=1&b[]=2, Faraday's nested encoding) when the request has no content type or the form one.
    class UrlEncoded < Faraday::Middleware
      MIME_TYPE = 'application/x-www-form-urlencoded'

      def on_request(env)
        type = Request.content_type(env)
        return unless env[:body] && (type.empty? || type == MIME_TYPE)

        env.request_headers['Content-Type'] ||= MIME_TYPE
        env[:body] = Utils.build_nested_query(env[:body]) unless env[:body].respond_to?(:to_str)
      end
    end

    # Not Faraday's: the innermost step of every stack here. A Hash or Array body that no middleware
    # encoded is sent as JSON when the content type says JSON (Tasker's Api::Config sets that header by
    # default) and as a form otherwise, where Faraday would hand the adapter a Hash it cannot send.
    class EncodeRemainingBody < Faraday::Middleware
      JSON_TYPE = %r{\Aapplication/(?:[\w.+-]+\+)?json\z}i

      def on_request(env)
        body = env[:body]
        return unless body.is_a?(Hash) || body.is_a?(Array)

        type = Request.content_type(env)
        if JSON_TYPE.match?(type)
          env[:body] = JSON.generate(body)
        elsif type.empty? || type == UrlEncoded::MIME_TYPE
          env.request_headers['Content-Type'] = UrlEncoded::MIME_TYPE
          env[:body] = Utils.build_nested_query(body)
        end
      end
    end
  end
end
