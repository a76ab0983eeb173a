# frozen_string_literal: true

require 'tasker'

module Tasker
  # The Ruby half of the polyglot bridge. The engine calls `configure` once per context and
  # `handler_for` once per step template; the returned invoker's `call(task, sequence, step)` runs an
  # attempt and returns the step's results.
  module Bridge
    class << self
      attr_accessor :environment

      def configure(handle, handler_roots, environment)
        @handle = handle
        HandlerRoots.configure(Foreign.strings(handler_roots))
        @environment = environment&.to_s
        Rails.root = nil
        true
      end

      def handler_for(class_name, handler_config = nil)
        klass = HandlerLoader.load(class_name.to_s)
        StepInvoker.new(Instantiation.build(klass, handler_config))
      end
    end
  end
end
