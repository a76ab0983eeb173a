# frozen_string_literal: true

module Hooked
  # Creates a task whose task handler has hooks from inside a step: the hooks run in this step's context.
  class CreatingHandler < Tasker::StepHandler::Base
    def process(_task, _sequence, _step)
      handler = Tasker::HandlerFactory.instance.get('hooked_defaultstask', namespace_name: 'hooks', version: '1.0.0')
      created = handler.initialize_task!(Tasker::Types::TaskRequest.new(name: 'hooked_defaultstask', namespace: 'hooks',
                                                                        version: '1.0.0', context: { vip: true }))
      { task_id: created.task_id }
    end
  end
end
