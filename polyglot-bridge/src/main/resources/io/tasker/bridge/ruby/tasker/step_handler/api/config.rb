# frozen_string_literal: true

module Tasker
  module StepHandler
    class Api < Base
      # Connection settings of an Api handler; `type: api` handler_config in YAML becomes one of these.
      class Config
        attr_accessor :url, :params, :ssl, :headers, :enable_exponential_backoff, :retry_delay, :jitter_factor

        def self.default_headers
          { 'Content-Type' => 'application/json', 'Accept' => 'application/json' }
        end

        # From a template's handler_config: values that are missing stay nil, as in Tasker's builder.
        def self.from_handler_config(hash)
          new(url: hash['url'], params: hash['params'] || {}, ssl: hash['ssl'], headers: hash['headers'],
              enable_exponential_backoff: hash['enable_exponential_backoff'], retry_delay: hash['retry_delay'])
        end

        def initialize(url:, params: {}, ssl: nil, headers: self.class.default_headers, enable_exponential_backoff: true,
                       retry_delay: 1.0, jitter_factor: rand)
          @url = url
          @params = params
          @ssl = ssl
          @headers = headers
          @enable_exponential_backoff = enable_exponential_backoff
          @retry_delay = retry_delay
          @jitter_factor = jitter_factor
        end

        def default_headers
          self.class.default_headers
        end
      end
    end
  end
end
