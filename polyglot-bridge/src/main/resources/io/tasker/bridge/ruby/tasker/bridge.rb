# frozen_string_literal: true

require 'tasker'

module Tasker
  # The Ruby half of the polyglot bridge. The engine calls `configure` once per context and
  # `handler_for` once per step template; the returned invoker's `call(task, sequence, step)` runs an
  # attempt and returns the step's results. `task_hooks_for` finds a template's task handler hooks.
  # The one context is entered by every worker thread at once: nothing here keeps per-attempt state
  # outside the objects of that attempt.
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
        StepInvoker.new(Instantiation.builder(HandlerLoader.load(class_name.to_s), handler_config))
      end

      # The hooks of a template's task_handler_class (a TaskHooks), or nil when that class does not exist here.
      def task_hooks_for(class_name)
        TaskHooks.for(class_name.to_s)
      end
    end
  end
end
