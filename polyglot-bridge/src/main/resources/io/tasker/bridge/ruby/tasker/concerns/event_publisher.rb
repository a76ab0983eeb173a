# frozen_string_literal: true

module Tasker
  module Concerns
    # Tasker's event helpers. Custom events go to the engine through the handle; lifecycle events
    # (task., step., workflow., observability.) are published by the engine itself from its state
    # transitions, so the helpers for those only log. Publishing never raises into a handler.
    module EventPublisher
      LIFECYCLE_PREFIXES = %w[task. step. workflow. observability.].freeze

      def publish_custom_event(event_name, payload = {})
        publish_event(event_name, payload.merge(event_type: 'custom', timestamp: Time.current))
      end

      STEP_EVENTS = %i[step_started step_completed step_failed step_retry_requested step_cancelled
                       step_backoff step_before_handle].freeze
      TASK_EVENTS = %i[task_started task_completed task_failed task_retry_requested task_finalization_started
                       task_finalization_completed task_pending_transition task_reenqueue_started
                       task_reenqueue_requested task_reenqueue_failed task_reenqueue_delayed].freeze
      WORKFLOW_EVENTS = %i[workflow_event viable_steps_discovered no_viable_steps steps_execution_started
                           steps_execution_completed workflow_task_started workflow_step_completed
                           workflow_state_unclear].freeze

      (STEP_EVENTS + TASK_EVENTS + WORKFLOW_EVENTS).each do |event|
        define_method(:"publish_#{event}") do |*_args, **_context|
          engine_owned_event(event)
        end
      end

      def publish_step_event(event_name, _step = nil, **_context)
        engine_owned_event(event_name)
      end

      def publish_task_event(event_name, _task = nil, **_context)
        engine_owned_event(event_name)
      end

      private

      def publish_event(event_name, payload = {})
        name = event_name.to_s
        return engine_owned_event(name) if name.start_with?(*LIFECYCLE_PREFIXES)

        Tasker.handle.publish_custom_event(name, Tasker::Bridge::JsonValues.normalize(payload.deep_stringify_keys))
        true
      rescue StandardError => e
        Tasker::Bridge.logger.write(:warn, "event #{name} not published: #{e.class}: #{e.message}")
        false
      end

      def engine_owned_event(event)
        Tasker::Bridge.logger.write(:debug, "#{event} is published by the engine from its own transitions")
        false
      end
    end
  end
end
