# frozen_string_literal: true

module Hooked
  # Tries what establish_step_dependencies_and_defaults may not do, one thing per context key.
  class RefusingTask
    include Tasker::TaskHandler

    def establish_step_dependencies_and_defaults(task, steps)
      step = steps.first
      case task.context['try']
      when 'inputs' then step.inputs = { 'other' => true }
      when 'zero_retries' then step.retry_limit = 0
      when 'reason' then task.reason = 'changed my mind'
      when 'unstorable' then task.context['callback'] = Object.new
      when 'raise' then raise ArgumentError, 'no warehouse serves this region'
      end
    end
  end
end
