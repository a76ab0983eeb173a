# frozen_string_literal: true

require 'json'
require 'uri'
require 'base64'
require 'forwardable'

# A Faraday-compatible HTTP client for Tasker's Api handlers: Faraday 2's connection, middleware stack,
# Env and Response in Ruby, with the requests sent by the JDK's HTTP client (through the engine's
# handle), because TruffleRuby's openssl does not load, so HTTPS from plain Ruby is impossible here.
module Faraday
  def self.new(url = nil, options = {}, &block)
    options = url.is_a?(Hash) ? url.merge(options) : options.merge(url: url)
    Connection.new(**options.transform_keys(&:to_sym), &block)
  end

  def self.default_adapter
    :jdk_http
  end

  # Any adapter name maps onto the JDK client; kept so that apps that set it still load.
  def self.default_adapter=(_adapter); end
end

require 'faraday/middleware_registry'
require 'faraday/error'
require 'faraday/utils'
require 'faraday/middleware'
require 'faraday/env'
require 'faraday/response'
require 'faraday/request'
require 'faraday/ssl_options'
require 'faraday/adapter'
require 'faraday/rack_builder'
require 'faraday/connection'
require 'faraday/request/json'
require 'faraday/request/url_encoded'
require 'faraday/request/authorization'
require 'faraday/response/json'
require 'faraday/response/raise_error'
require 'faraday/response/logger'

module Faraday
  Request.register_middleware(json: Request::Json, url_encoded: Request::UrlEncoded, authorization: Request::Authorization,
                              basic_auth: Request::BasicAuthentication, token_auth: Request::TokenAuthentication)
  Response.register_middleware(json: Response::Json, raise_error: Response::RaiseError, logger: Response::Logger)
  # `conn.adapter :test` (Faraday's stubs) is not among them: it would send real requests here.
  Adapter.register_middleware(jdk_http: JdkAdapter, net_http: JdkAdapter, net_http_persistent: JdkAdapter,
                              httpclient: JdkAdapter, excon: JdkAdapter, typhoeus: JdkAdapter, patron: JdkAdapter,
                              httpx: JdkAdapter, async_http: JdkAdapter, em_http: JdkAdapter)
end
