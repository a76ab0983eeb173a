# frozen_string_literal: true

module Faraday
  class Response
    # `conn.response :json`: a String body with a JSON content type is parsed (a blank one becomes nil).
    class Json < Faraday::Middleware
      def initialize(app = nil, parser_options: nil, content_type: /\bjson$/, preserve_raw: false)
        super(app)
        @parser_options = parser_options || {}
        @content_types = Array(content_type)
        @preserve_raw = preserve_raw
      end

      def on_complete(env)
        return unless env[:body].respond_to?(:to_str) && json?(env)

        env[:raw_body] = env[:body] if @preserve_raw
        env[:body] = parse(env[:body])
      rescue JSON::ParserError => e
        raise Faraday::ParsingError.new(e, { status: env.status, headers: env.response_headers, body: env.body })
      end

      private

      def parse(body)
        return nil if body.strip.empty?

        JSON.parse(body, @parser_options)
      end

      def json?(env)
        type = env.response_headers['Content-Type'].to_s.split(';', 2).first.to_s
        @content_types.empty? || @content_types.any? { |expected| expected.is_a?(Regexp) ? expected.match?(type) : type == expected }
      end
    end
  end
end
