# frozen_string_literal: true

require 'logger'

module Tasker
  module Bridge
    # The shim's own log lines (and Rails.logger's default) go here, even when an app replaces Rails.logger.
    def self.logger
      @logger ||= EngineLogger.new
    end

    # `Rails.logger`: lines go through the engine's handle with the running task's correlation id;
    # a message may be a String or a Hash of fields (its `message` key, if any, becomes the message).
    class EngineLogger
      LEVELS = %i[debug info warn error fatal unknown].freeze

      attr_accessor :level, :formatter, :progname

      def initialize
        @level = ::Logger::DEBUG
        @fallback = ::Logger.new($stderr)
      end

      LEVELS.each_with_index do |name, severity|
        define_method(name) { |message = nil, &block| add(severity, message, &block) }
        define_method(:"#{name}?") { severity >= @level }
        define_method(:"#{name}!") { @level = severity }
      end

      def add(severity, message = nil, progname = nil)
        severity ||= ::Logger::UNKNOWN
        return true if severity < @level

        message = block_given? ? yield : (message || progname)
        write(LEVELS.fetch(severity, :unknown), message)
        true
      end
      alias log add

      def <<(message)
        write(:info, message)
      end

      def tagged(*tags)
        block_given? ? yield(self) : self
      end

      def silence(*)
        yield self
      end

      def write(level, message, **fields)
        text, extra = split(message)
        fields = extra.merge(fields)
        if Bridge.handle_offers?(:log)
          Bridge.handle.log(level.to_s, text, JsonValues.normalize(fields.deep_stringify_keys))
        else
          @fallback.add(LEVELS.index(level) || ::Logger::UNKNOWN, fields.empty? ? text : "#{text} #{fields.to_json}")
        end
      rescue StandardError => e
        @fallback.warn("Tasker log line lost (#{e.class}: #{e.message}): #{text}")
      end

      private

      def split(message)
        return [message.to_s, {}] unless message.is_a?(Hash)

        fields = message.transform_keys(&:to_s)
        [(fields.delete('message') || '').to_s, fields]
      end
    end
  end
end
