# frozen_string_literal: true

module Faraday
  # The request as sent and the response as received, as Faraday's middleware see them. As in Faraday,
  # `body` is the request body until a status arrives and the response body afterwards, and keys that
  # are not members (`env[:my_key] = ...`) are kept as custom members.
  class Env
    MEMBERS = %i[method request_body url request request_headers ssl parallel_manager params response
                 response_headers status reason_phrase response_body].freeze
    METHODS_WITH_BODIES = %i[post put patch].freeze
    STATUSES_WITHOUT_BODY = [204, 304].freeze
    SUCCESSFUL_STATUSES = (200..299).freeze

    attr_accessor(*MEMBERS)

    def self.from(value)
      return value if value.is_a?(Env)

      new.tap { |env| value.to_hash.each { |key, item| env[key] = item } }
    end

    def initialize(*values)
      MEMBERS.zip(values) { |member, value| public_send("#{member}=", value) }
    end

    def body
      self[:body]
    end

    def body=(value)
      self[:body] = value
    end

    def [](key)
      key = key.to_sym
      return public_send(current_body) if key == :body

      MEMBERS.include?(key) ? public_send(key) : custom_members[key]
    end

    def []=(key, value)
      key = key.to_sym
      return public_send("#{current_body}=", value) if key == :body

      MEMBERS.include?(key) ? public_send("#{key}=", value) : custom_members[key] = value
    end

    def key?(key)
      MEMBERS.include?(key.to_sym) || key.to_sym == :body || custom_members.key?(key.to_sym)
    end
    alias member? key?

    def custom_members
      @custom_members ||= {}
    end

    def current_body
      status ? :response_body : :request_body
    end

    def success?
      SUCCESSFUL_STATUSES.cover?(status.to_i)
    end

    def needs_body?
      !body && METHODS_WITH_BODIES.include?(method)
    end

    def clear_body
      request_headers['Content-Length'] = '0'
      self.body = +''
    end

    def parse_body?
      !STATUSES_WITHOUT_BODY.include?(status)
    end

    def parallel?
      false
    end

    def stream_response?
      false
    end

    def to_hash
      MEMBERS.to_h { |member| [member, public_send(member)] }.merge(custom_members)
    end
    alias to_h to_hash

    def inspect
      "#<Faraday::Env #{method&.upcase} #{url} status=#{status.inspect}>"
    end
  end
end
