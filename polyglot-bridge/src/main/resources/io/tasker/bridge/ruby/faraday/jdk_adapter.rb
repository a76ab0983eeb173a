# frozen_string_literal: true

module Faraday
  # Sends an Env through the JDK's HTTP client that the engine offers as `handle.http_client`
  # (io.tasker.bridge.ruby.http.JdkHttpClient) and fills in the response.
  class JdkAdapter
    DEFAULT_OPEN_TIMEOUT = 60
    DEFAULT_TIMEOUT = 60

    def self.client
      handle = Tasker::Bridge.handle
      unless handle && Tasker::Bridge.handle_offers?(:http_client)
        raise Faraday::ConnectionFailed, "no HTTP client: the engine's handle does not offer http_client"
      end

      handle.http_client
    end

    def call(env)
      reply = self.class.client.exchange(env.method.to_s.upcase, env.url.to_s, header_pairs(env.request_headers),
                                         env.request_body&.to_s, seconds(env.request.open_timeout, DEFAULT_OPEN_TIMEOUT),
                                         seconds(env.request.timeout || env.request.read_timeout, DEFAULT_TIMEOUT))
      error_kind = Tasker::Bridge::Foreign.to_ruby(reply.error_kind)
      fail_with(error_kind, Tasker::Bridge::Foreign.to_ruby(reply.error_message), env) if error_kind
      env.status = Tasker::Bridge::Foreign.to_ruby(reply.status)
      env.response_headers = response_headers(Tasker::Bridge::Foreign.to_ruby(reply.headers))
      env.body = Tasker::Bridge::Foreign.to_ruby(reply.body)
    end

    private

    def header_pairs(headers)
      headers.flat_map { |name, value| [name.to_s, value.to_s] }
    end

    def response_headers(flat)
      headers = Utils::Headers.new
      flat.each_slice(2) do |name, value|
        headers[name] = headers.key?(name) ? "#{headers[name]}, #{value}" : value
      end
      headers
    end

    def seconds(value, default)
      (value || default).to_f
    end

    def fail_with(kind, detail, env)
      message = "#{env.method.upcase} #{env.url}: #{detail}"
      raise Faraday::TimeoutError, message if kind == 'timeout'

      raise Faraday::ConnectionFailed, message
    end
  end
end
