# frozen_string_literal: true

module RubyHandlers
  # Reads every member of the three views the bridge hands to Ruby, and the handle.
  class Views
    def initialize(config: nil)
      @config = config
    end

    def process(task, sequence, step)
      parent = sequence.find_step_by_name('first')
      {
        task_id: task.task_id, task_name: task.name, namespace: task.namespace_name, version: task.version,
        order_id: task.context['order_id'], order_id_by_symbol: task.context[:order_id],
        item_names: task.context['items'].map { |item| item['name'] }, initiator: task.initiator,
        source_system: task.source_system, reason: task.reason, tags: task.tags.to_a,
        requested_at: task.requested_at, status: task.status,
        step_name: step.name, step_id: step.workflow_step_id, step_task_id: step.task_id, attempts: step.attempts,
        retry_limit: step.retry_limit, retryable: step.retryable, step_status: step.status,
        inputs_order: step.inputs['order_id'], parent_names: step.parent_names.to_a,
        parent_result: parent && parent.results['total'], missing_step: sequence.find_step_by_name('no_such_step'),
        step_count: sequence.steps.size, config_rate: @config && @config['rate'],
        handle_rate: Tasker.handle.handler_config && Tasker.handle.handler_config['rate'],
        environment: Tasker::Bridge.environment, roots: Tasker::Bridge.handler_roots.size
      }
    end
  end
end
