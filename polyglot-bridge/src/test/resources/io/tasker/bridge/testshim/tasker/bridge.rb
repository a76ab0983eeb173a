# frozen_string_literal: true

# The bridge contract and nothing more: configure, handler_for, call, the error classes, Tasker.handle.
module Tasker
  class Error < StandardError; end
  class StepTimeoutError < Exception; end # rubocop:disable Lint/InheritException
  class ProceduralError < Error; end

  class RetryableError < ProceduralError
    attr_reader :retry_after, :context

    def initialize(message = nil, retry_after: nil, context: {})
      super(message)
      @retry_after = retry_after
      @context = context
    end
  end

  class PermanentError < ProceduralError
    attr_reader :error_code, :context

    def initialize(message = nil, error_code: nil, context: {})
      super(message)
      @error_code = error_code
      @context = context
    end
  end

  def self.handle
    Bridge.handle
  end

  module Bridge
    Invoker = Struct.new(:handler) do
      def call(task, sequence, step)
        handler.process(task, sequence, step)
      end
    end

    class << self
      attr_reader :handle, :handler_roots, :environment

      def configure(handle, handler_roots, environment)
        @handle = handle
        @handler_roots = handler_roots
        @environment = environment
      end

      def handler_for(class_name, handler_config)
        klass = find(class_name)
        Invoker.new(handler_config.nil? ? klass.new : klass.new(config: handler_config))
      end

      private

      def find(class_name)
        file = "#{class_name.gsub('::', '/').gsub(/([a-z\d])([A-Z])/, '\1_\2').downcase}.rb"
        root = @handler_roots.find { |folder| File.file?(File.join(folder, file)) }
        require File.join(root, file) if root
        Object.const_get(class_name)
      end
    end
  end
end
