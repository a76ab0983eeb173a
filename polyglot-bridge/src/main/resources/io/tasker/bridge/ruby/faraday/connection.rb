# frozen_string_literal: true

module Faraday
  # Faraday::Connection: a base URL with default params and headers, request options, ssl options and
  # the middleware stack (RackBuilder) every request goes through.
  class Connection
    extend Forwardable

    METHODS_WITH_QUERY = %w[get head delete trace].freeze
    METHODS_WITH_BODY = %w[post put patch].freeze

    attr_reader :params, :headers, :url_prefix, :builder, :options, :ssl, :proxy

    def_delegators :builder, :use, :request, :response, :adapter, :app
    def_delegators :url_prefix, :scheme, :host, :port

    # Faraday's `proxy:` is kept for middleware that read it; requests do not go through it.
    def initialize(url: nil, params: nil, headers: nil, ssl: nil, request: nil, proxy: nil, builder: nil, **_ignored, &block)
      @params = {}
      @headers = Utils::Headers.new
      @options = RequestOptions.new(**(request || {}).transform_keys(&:to_sym))
      @ssl = SSLOptions.from(ssl).tap(&:checked)
      @proxy = proxy
      # With a block the stack holds only what the block adds, as in Faraday.
      @builder = builder || RackBuilder.new(&(block ? proc {} : nil))
      self.url_prefix = url || 'http:/'
      @params.update((params || {}).transform_keys(&:to_s))
      @headers.update(headers || {})
      yield self if block
    end

    def headers=(hash)
      @headers.replace(Utils::Headers.new.update(hash))
    end

    def params=(hash)
      @params.replace(hash.transform_keys(&:to_s))
    end

    def url_prefix=(url)
      uri = URI.parse(url.to_s)
      @params.update(Utils.parse_nested_query(uri.query)) if uri.query
      uri.query = nil
      @url_prefix = uri
    end

    def path_prefix
      url_prefix.path
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
      builder.build_response(self, request)
    end

    def build_env(request)
      Env.new(request.http_method, request.body, build_url(request.path, request.params), request.options,
              request.headers, ssl, nil, request.params)
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
  end
end
