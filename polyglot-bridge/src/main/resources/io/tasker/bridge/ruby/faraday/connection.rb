# frozen_string_literal: true

module Faraday
  # Faraday::Connection: a base URL with default params and headers, verbs that build a request
  # (optionally changed in a block), the configured middleware, and the JDK adapter.
  class Connection
    METHODS_WITH_QUERY = %w[get head delete trace].freeze
    METHODS_WITH_BODY = %w[post put patch].freeze

    attr_reader :params, :headers, :url_prefix, :ssl, :options

    def initialize(url: nil, params: nil, headers: nil, ssl: nil, request: nil, proxy: nil, **_ignored)
      @params = {}
      @headers = Utils::Headers.new
      @request_middleware = []
      @response_middleware = []
      @options = RequestOptions.new(**(request || {}).transform_keys(&:to_sym))
      @ssl = ssl
      self.url_prefix = url || 'http:/'
      @params.update((params || {}).transform_keys(&:to_s))
      @headers.update(headers || {})
      yield self if block_given?
    end

    def url_prefix=(url)
      uri = URI.parse(url.to_s)
      @params.update(Utils.parse_nested_query(uri.query)) if uri.query
      uri.query = nil
      @url_prefix = uri
    end

    def request(name, *args, **options)
      @request_middleware << Middleware.build(Middleware::REQUEST, :request, name, args, options)
    end

    def response(name, *args, **options)
      @response_middleware << Middleware.build(Middleware::RESPONSE, :response, name, args, options)
    end

    def adapter(*_args, **_options); end

    def use(middleware, *_args, **_options)
      raise ArgumentError, "custom middleware #{middleware} is not available in Tasker JVM's Faraday connection"
    end

    METHODS_WITH_QUERY.each do |verb|
      define_method(verb) do |url = nil, params = nil, headers = nil, &block|
        run_request(verb.to_sym, url, nil, headers) do |request|
          request.params = request.params.merge(params.transform_keys(&:to_s)) if params
          block&.call(request)
        end
      end
    end

    METHODS_WITH_BODY.each do |verb|
      define_method(verb) do |url = nil, body = nil, headers = nil, &block|
        run_request(verb.to_sym, url, body, headers, &block)
      end
    end

    def run_request(method, url, body, headers)
      request = build_request(method, url, body, headers)
      yield request if block_given?
      perform(request)
    end

    def build_url(url = nil, params = nil)
      base = url_prefix.dup
      base.path = "#{base.path}/" if url && !base.path.end_with?('/')
      uri = url.nil? || url.to_s.empty? ? base : base + url.to_s
      query = Utils.build_nested_query(params || {})
      uri.query = query.empty? ? nil : query
      uri
    end

    private

    def build_request(method, url, body, headers)
      request = Request.new(method, nil, @params.dup, @headers.merge(headers || {}), body, @options.dup)
      request.url(url.to_s) if url
      request
    end

    def perform(request)
      env = Env.new(method: request.http_method, url: build_url(request.path, request.params),
                    request_headers: request.headers, request_body: request.body, request: request.options)
      (@request_middleware + [default_body_encoder]).each { |middleware| middleware.call(env) }
      JdkAdapter.new.call(env)
      @response_middleware.reverse_each { |middleware| middleware.call(env) }
      Response.new(env)
    end

    def default_body_encoder
      Middleware::EncodeBody.new
    end
  end
end
