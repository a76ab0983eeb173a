# frozen_string_literal: true

module OrderFulfillment
  # The task handler, defined by config/tasker/tasks/order_fulfillment.yaml.
  class OrderFulfillmentTask < Tasker::ConfiguredTask
    def self.yaml_path
      @yaml_path ||= Rails.root.join('config', 'tasker', 'tasks', 'order_fulfillment.yaml')
    end
  end
end
