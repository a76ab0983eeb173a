# frozen_string_literal: true

module Hooked
  # Tunes each new task's steps to its order, the way Tasker task handlers do in this hook.
  class DefaultsTask
    include Tasker::TaskHandler

    def establish_step_dependencies_and_defaults(task, steps)
      task.context[:seen] = { task_id: task.task_id, status: task.status, name: task.name,
                              steps: steps.map { |step| [step.name, step.retry_limit, step.parent_names, step.inputs.key?('vip')] } }
      return unless task.context[:vip]

      task.context[:priority] = 'high'
      steps.find { |step| step.name == 'charge' }.update(retry_limit: 5)
      notify = task.get_step_by_name('notify')
      notify.skippable = true
      notify.retryable = false
      notify.save!
    end
  end
end
