# frozen_string_literal: true

module Tasker
  # The engine's handle (a Java object): create tasks, read a task's status, publish custom events and
  # log lines (it knows the attempt running in this context, so they land on that task), read the
  # running step's handler_config.
  def self.handle
    Bridge.handle or raise ConfigurationError, 'Tasker::Bridge.configure has not been called in this context'
  end

  module Bridge
    class << self
      attr_reader :handle

      def handle_offers?(method)
        return false if handle.nil?
        return handle.respond_to?(method) unless Foreign::INTEROP.foreign?(handle)

        Foreign::INTEROP.member_invocable?(handle, method.to_s)
      end

      # Calls a handle method the engine may not offer yet, with a clear error when it does not.
      def call_handle(method, *args)
        unless handle_offers?(method)
          raise ConfigurationError, "this engine's handle does not offer #{method}; it is needed for #{caller_locations(1, 1).first.label}"
        end

        result = Foreign::INTEROP.foreign?(handle) ? Foreign::INTEROP.invoke_member(handle, method.to_s, *args) : handle.public_send(method, *args)
        Foreign.to_ruby(result)
      end
    end
  end
end
