# frozen_string_literal: true

module OrderFulfillment
  # The task handler, defined by config/tasker/tasks/order_fulfillment.yaml. Its hooks give express orders more
  # payment attempts and leave a summary of every fulfilled order for reporting.
  class OrderFulfillmentTask < Tasker::ConfiguredTask
    def self.yaml_path
      @yaml_path ||= Rails.root.join('config', 'tasker', 'tasks', 'order_fulfillment.yaml')
    end

    # An express parcel must not miss the carrier because the payment gateway hiccuped.
    def establish_step_dependencies_and_defaults(task, steps)
      return unless task.context.dig('shipping_info', 'method') == 'express'

      steps.find { |step| step.name == 'process_payment' }&.update(retry_limit: 5)
    end

    def update_annotations(task, sequence, _steps)
      order = sequence.find_step_by_name('validate_order').results
      shipment = sequence.find_step_by_name('ship_order').results
      annotation_type = Tasker::AnnotationType.find_or_create_by!(name: 'order_summary',
                                                                  description: 'A fulfilled order at a glance')
      Tasker::TaskAnnotation.create(
        task: task,
        task_id: task.task_id,
        annotation_type_id: annotation_type.annotation_type_id,
        annotation_type: annotation_type,
        annotation: {
          customer_id: order['customer_id'],
          order_total: order['order_total'],
          items: order['validated_items'].sum { |item| item['quantity'] },
          carrier: shipment['carrier'],
          tracking_number: shipment['tracking_number']
        }
      )
    end
  end
end
