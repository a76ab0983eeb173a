# frozen_string_literal: true

require 'json'
require 'uri'
require 'base64'

# A Faraday-compatible HTTP client for Tasker's Api handlers. Requests are sent by the JDK's HTTP
# client (through the engine's handle), because TruffleRuby's openssl does not load, so HTTPS from
# plain Ruby is impossible here.
module Faraday
  def self.new(url = nil, options = {}, &block)
    options = url.is_a?(Hash) ? url.merge(options) : options.merge(url: url)
    Connection.new(**options.transform_keys(&:to_sym), &block)
  end

  def self.default_adapter
    :jdk_http
  end

  def self.default_adapter=(_adapter); end
end

require 'faraday/error'
require 'faraday/utils'
require 'faraday/response'
require 'faraday/request'
require 'faraday/middleware'
require 'faraday/jdk_adapter'
require 'faraday/connection'
