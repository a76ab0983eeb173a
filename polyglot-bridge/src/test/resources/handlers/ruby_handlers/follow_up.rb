# frozen_string_literal: true

module RubyHandlers
  # Uses the handle: creates a follow-up task, reads statuses, publishes an event and logs.
  class FollowUp
    def initialize(config: nil); end

    def process(task, _sequence, _step)
      handle = Tasker.handle
      follow_up = handle.create_task('tests', 'follow_up', '1.0.0', { parent_task: task.task_id },
                                     "follow-up-of-#{task.task_id}")
      handle.publish_custom_event('order.follow_up_created', { follow_up: follow_up })
      handle.log('info', 'created a follow-up task', { follow_up: follow_up })
      { follow_up: follow_up, status: handle.task_status(follow_up), own_status: handle.task_status(task.task_id),
        rate: handle.handler_config['rate'] }
    end
  end
end
