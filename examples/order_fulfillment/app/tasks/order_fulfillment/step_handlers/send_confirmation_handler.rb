# frozen_string_literal: true

module OrderFulfillment
  module StepHandlers
    class SendConfirmationHandler < Tasker::StepHandler::Base
      def self.custom_event_configuration
        [{ name: 'order.fulfilled', description: 'An order was paid, shipped and confirmed' }]
      end

      def process(task, sequence, _step)
        order = sequence.find_step_by_name('validate_order').results.deep_symbolize_keys
        shipment = sequence.find_step_by_name('ship_order').results.deep_symbolize_keys
        publish_custom_event('order.fulfilled', customer_id: order[:customer_id],
                                                tracking_number: shipment[:tracking_number], total: order[:order_total])
        Rails.logger.info("Confirmation sent to #{order[:customer_email]} for task #{task.task_id}")
        { email_sent: true, recipient: order[:customer_email], tracking_number: shipment[:tracking_number],
          sent_at: Time.current }
      end
    end
  end
end
