# frozen_string_literal: true

module Events
  # Publishes a custom event, logs, and calls the event helpers that must never raise.
  class AnnouncingHandler < Tasker::StepHandler::Base
    def self.custom_event_configuration
      [{ name: 'order.announced', description: 'An order was announced' }]
    end

    def process(task, _sequence, step)
      publish_custom_event('order.announced', order_id: task.context[:order_id])
      log_structured(:info, 'announced', order_id: task.context[:order_id], step: step.name)
      Rails.logger.info("announcing #{task.context[:order_id]}")
      unregistered = publish_event('announced_without_namespace', order_id: 1)
      lifecycle = publish_step_completed(step)
      { unregistered_published: unregistered, lifecycle_published: lifecycle }
    end
  end
end
