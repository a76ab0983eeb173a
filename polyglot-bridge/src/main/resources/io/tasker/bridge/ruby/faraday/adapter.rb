# frozen_string_literal: true

module Faraday
  # The innermost app of a connection's stack, as in Faraday 2: it sends the Env and finishes the
  # Response with what came back.
  class Adapter
    extend MiddlewareRegistry

    def initialize(_app = nil, options = {}, &block)
      @app = ->(env) { env.response }
      @connection_options = options
      @config_block = block
    end

    def call(env)
      env.clear_body if env.needs_body?
      env.response = Response.new
    end

    def close; end

    private

    def save_response(env, status, body, headers = nil, reason_phrase = nil)
      env.status = status
      env.body = body
      env.reason_phrase = reason_phrase&.to_s&.strip
      env.response_headers = Utils::Headers.new.update(headers || {})
      env.response.finish(env)
      env.response
    end
  end

  # Sends an Env through the JDK's HTTP client that the engine offers as `handle.http_client`
  # (io.tasker.bridge.ruby.http.JdkHttpClient): TruffleRuby's openssl does not load, so Ruby cannot speak
  # HTTPS itself. Every adapter name Faraday apps use maps onto it (see Faraday::Adapter's registry).
  class JdkAdapter < Adapter
    DEFAULT_OPEN_TIMEOUT = 60
    DEFAULT_TIMEOUT = 60
    ERRORS = { 'timeout' => Faraday::TimeoutError, 'ssl' => Faraday::SSLError, 'ssl_config' => ArgumentError }.freeze

    def self.client
      handle = Tasker::Bridge.handle
      unless handle && Tasker::Bridge.handle_offers?(:http_client)
        raise Faraday::ConnectionFailed, "no HTTP client: the engine's handle does not offer http_client"
      end

      handle.http_client
    end

    def call(env)
      super
      client = self.class.client
      reply = client.exchange(env.method.to_s.upcase, env.url.to_s, header_pairs(env.request_headers), env.request_body&.to_s,
                              seconds(env.request.open_timeout, DEFAULT_OPEN_TIMEOUT),
                              seconds(env.request.timeout || env.request.read_timeout, DEFAULT_TIMEOUT), tls(client, env.ssl))
      error_kind = Tasker::Bridge::Foreign.to_ruby(reply.error_kind)
      fail_with(error_kind, Tasker::Bridge::Foreign.to_ruby(reply.error_message), env) if error_kind
      save_response(env, Tasker::Bridge::Foreign.to_ruby(reply.status), Tasker::Bridge::Foreign.to_ruby(reply.body),
                    response_headers(Tasker::Bridge::Foreign.to_ruby(reply.headers)))
    end

    private

    def tls(client, ssl)
      return nil if ssl.nil?

      options = SSLOptions.from(ssl).checked
      client.tls(options[:verify], options[:verify_hostname], options[:ca_file], options[:ca_path],
                 options[:min_version], options[:max_version])
    end

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
      raise ERRORS.fetch(kind, Faraday::ConnectionFailed), message
    end
  end
end
