# frozen_string_literal: true

module Tasker
  module Types
    # One step of a task handler's definition, with Tasker's defaults.
    class StepTemplate
      ATTRIBUTES = %i[name description dependent_system default_retryable default_retry_limit skippable handler_class
                      handler_config depends_on_step depends_on_steps custom_events].freeze

      attr_reader(*ATTRIBUTES)

      def initialize(name:, handler_class:, dependent_system: 'unknown', description: nil, default_retryable: true,
                     default_retry_limit: 3, skippable: false, depends_on_step: nil, depends_on_steps: [],
                     handler_config: nil, custom_events: [])
        @name = name.to_s
        @handler_class = handler_class
        @dependent_system = dependent_system.to_s
        @description = description || @name
        @default_retryable = default_retryable
        @default_retry_limit = default_retry_limit
        @skippable = skippable
        @depends_on_step = depends_on_step&.to_s
        @depends_on_steps = Array(depends_on_steps).map(&:to_s)
        @handler_config = handler_config
        @custom_events = Array(custom_events)
      end

      def all_dependencies
        ([depends_on_step] + depends_on_steps).compact.uniq
      end

      def to_h
        ATTRIBUTES.to_h { |attribute| [attribute, public_send(attribute)] }
      end
    end

    # The object yielded by `define_step_templates`.
    class StepTemplateDefiner
      attr_reader :step_templates

      def initialize
        @step_templates = []
      end

      def define(**attributes)
        @step_templates << StepTemplate.new(**attributes)
      end
    end
  end
end
