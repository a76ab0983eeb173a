# frozen_string_literal: true

module Sequence
  # Reads earlier steps' results the ways Tasker handlers do.
  class ReaderHandler < Tasker::StepHandler::Base
    def process(task, sequence, step)
      fetched = sequence.find_step_by_name('fetch_cart').results
      priced = sequence.steps.find { |s| s.name == 'price_cart' }.results.deep_symbolize_keys
      {
        cart_total: fetched['total'],
        indifferent_total: fetched[:total],
        discount: priced[:discount][:percent],
        missing_step: sequence.find_step_by_name('no_such_step').nil?,
        parents: step.parents.map(&:name),
        step_count: sequence.steps.size,
        inputs_customer: step.inputs[:customer_id],
        task_fields: [task.task_id, task.id, task.name, task.namespace_name, task.version, task.initiator,
                      task.source_system, task.reason, task.tags, task.status],
        requested_at: task.requested_at.iso8601,
        step_fields: [step.workflow_step_id, step.task_id, step.name, step.attempts, step.retry_limit,
                      step.retryable, step.status, step.last_attempted_at],
        context_class: task.context.class.name,
        results_class: fetched.class.name
      }
    end
  end
end
