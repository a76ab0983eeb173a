# frozen_string_literal: true

module Reordering
  # Places a new order through the app's ConfiguredTask, whose YAML the engine reads for it (handle.load_yaml).
  class ReorderHandler < Tasker::StepHandler::Base
    def process(task, _sequence, _step)
      OrderFulfillment::OrderFulfillmentTask.new
      handler = Tasker::HandlerFactory.instance.get('order_fulfillment', namespace_name: 'ecommerce', version: '1.0.0')
      request = Tasker::Types::TaskRequest.new(name: 'order_fulfillment', namespace: 'ecommerce', version: '1.0.0',
                                               context: task.context[:order])
      reorder = handler.initialize_task!(request)
      { reorder_task_id: reorder.task_id, steps: handler.step_templates.map(&:name),
        payment_config: handler.step_handler_config_map['process_payment'] }
    end
  end
end
